package com.chatsuite.support.security;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.support.events.EventsAutoConfiguration;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
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
	RevocationListener revocationListener(RevocationList revocations, EventJson json, KafkaAdmin admin) {
		return new RevocationListener(revocations, json, (partitions) -> endOffsets(admin, partitions));
	}

	@Bean(name = "revocationsHealthIndicator")
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	RevocationsHealthIndicator revocationsHealthIndicator(RevocationList revocations) {
		return new RevocationsHealthIndicator(revocations);
	}

	/** The end offsets of partitions, asked of the brokers. */
	private static Map<TopicPartition, Long> endOffsets(KafkaAdmin admin, Collection<TopicPartition> partitions) {
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
		try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
			Map<TopicPartition, Long> ends = new HashMap<>();
			client.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS)
				.forEach((partition, info) -> ends.put(partition, info.offset()));
			return ends;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while asking for the end of auth.revocations", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not ask for the end of auth.revocations", ex);
		}
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
