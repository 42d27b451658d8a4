package com.chatsuite.ticket;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Agents, presence and tickets: turns every room into a ticket and routes it to an online
 * agent.
 */
@SpringBootApplication
@EnableConfigurationProperties(TicketsProperties.class)
public class TicketServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(TicketServiceApplication.class, args);
	}

}
