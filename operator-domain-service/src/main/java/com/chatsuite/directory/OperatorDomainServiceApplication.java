package com.chatsuite.directory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Operators, domains, assignments and widget visibility.
 */
@SpringBootApplication
public class OperatorDomainServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OperatorDomainServiceApplication.class, args);
	}

}
