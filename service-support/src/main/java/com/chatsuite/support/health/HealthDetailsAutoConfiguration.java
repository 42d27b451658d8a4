package com.chatsuite.support.health;

import com.chatsuite.support.security.SecurityAutoConfiguration;
import com.chatsuite.support.security.TokenVerifier;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Health details only for the platform administrator on an application reachable from the
 * internet ({@code suite.health.public-status-only=true}, the gateway); see
 * {@link PublicHealthFilter}. The services are reachable from the gateway only and keep
 * their details.
 */
@AutoConfiguration(after = SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class HealthDetailsAutoConfiguration {

	@Bean
	@ConditionalOnBean(TokenVerifier.class)
	@ConditionalOnBooleanProperty("suite.health.public-status-only")
	PublicHealthFilter publicHealthFilter(TokenVerifier verifier) {
		return new PublicHealthFilter(verifier);
	}

}
