package com.chatsuite.partner.web;

import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.Passwords;
import com.chatsuite.support.security.TokenVerifier;
import com.chatsuite.support.web.PartnerApiErrorHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * partner-service speaks the partner API family: its errors take that family's shape, and
 * callers are partners presenting an API key.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	PartnerApiErrorHandler partnerApiErrorHandler() {
		return new PartnerApiErrorHandler();
	}

	@Bean
	Callers callers(TokenVerifier verifier) {
		return new Callers(verifier);
	}

	@Bean
	Passwords passwords() {
		return new Passwords();
	}

}
