package com.chatsuite.ticket.web;

import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.TokenVerifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * ticket-service answers two API families: the agent ticket API ({@code /v1/**}, agent
 * tokens) and the addon admin API's routing settings ({@code /admin/routing-settings},
 * addon tokens). Errors take the shape of the family addressed.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	ErrorShapes errorShapes() {
		return new ErrorShapes();
	}

	@Bean
	Callers callers(TokenVerifier verifier) {
		return new Callers(verifier);
	}

}
