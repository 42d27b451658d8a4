package com.chatsuite.directory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Operators, domains, assignments and widget visibility.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OperatorDomainServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OperatorDomainServiceApplication.class, args);
	}

}
