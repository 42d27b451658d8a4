package com.chatsuite.support.security;

import java.time.Clock;

import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.support.events.EventsAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Local token verification for every application: the cached JWK set of auth-service, the
 * revocation list fed from Kafka, and the verifier built on both.
 */
@AutoConfiguration(after = EventsAutoConfiguration.class)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableScheduling
public class SecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RevocationList revocationList(Clock clock) {
		return new RevocationList(clock);
	}

	@Bean
	RevocationListener revocationListener(RevocationList revocations, EventJson json) {
		return new RevocationListener(revocations, json);
	}

	@Bean
	@ConditionalOnMissingBean(VerificationKeys.class)
	JwksCache jwksCache(SecurityProperties properties, Clock clock, ObjectProvider<WebClient.Builder> builder) {
		WebClient web = builder.getIfAvailable(WebClient::builder)
			.clone()
			.baseUrl(properties.jwksUri().toString())
			.build();
		return new JwksCache(web, clock, properties.jwksMinRefreshInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenVerifier tokenVerifier(VerificationKeys keys, RevocationList revocations, SecurityProperties properties,
			Clock clock) {
		return new TokenVerifier(keys, revocations, properties, clock);
	}

}
