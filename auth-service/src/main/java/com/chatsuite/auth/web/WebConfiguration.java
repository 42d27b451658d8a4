package com.chatsuite.auth.web;

import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.Passwords;
import com.chatsuite.support.security.TokenVerifier;
import com.chatsuite.support.web.AddonApiErrorHandler;
import com.chatsuite.support.web.NoStoreFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * auth-service speaks the addon API family: its errors take that family's shape, and
 * callers are identified from the family's token headers.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	AddonApiErrorHandler addonApiErrorHandler() {
		return new AddonApiErrorHandler();
	}

	@Bean
	Callers callers(TokenVerifier verifier) {
		return new Callers(verifier);
	}

	@Bean
	Passwords passwords() {
		return new Passwords();
	}

	/**
	 * Token pairs, agent tokens and API keys (shown once) must stay out of every cache;
	 * the key set ({@code /.well-known/jwks.json}) may be cached.
	 */
	@Bean
	NoStoreFilter noStoreForCredentials() {
		return new NoStoreFilter("/admin/", "/auth/", "/platform/");
	}

}
