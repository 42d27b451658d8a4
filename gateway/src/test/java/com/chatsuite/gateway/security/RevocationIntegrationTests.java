package com.chatsuite.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SuiteIntegrationTest
class RevocationIntegrationTests extends StubbedGatewayTest {

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private EventJson json;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@BeforeEach
	void revocationListenerIsAssigned() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.listeners.getListenerContainers()
				.stream()
				.map(MessageListenerContainer::getAssignedPartitions)
				.anyMatch((partitions) -> partitions != null && !partitions.isEmpty()));
	}

	@Test
	void revokedTokenIsRefusedWithinOneSecond() throws Exception {
		Tokens.Token agent = Tokens.agent();
		String token = agent.compact();
		assertThat(statusOf("/v1/tickets", token)).isEqualTo(HttpStatus.OK);

		publish(agent.tokenId(), "org-1", new TokenRevoked(RevocationScope.TOKEN, agent.tokenId(), null, "logged out",
				Instant.now(), Instant.now().plusSeconds(900)));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(25))
			.until(() -> statusOf("/v1/tickets", token) == HttpStatus.UNAUTHORIZED);
		this.web.get()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectHeader()
			.valueMatches("WWW-Authenticate", ".*access token has been revoked \\(token revoked\\).*");
	}

	@Test
	void revokedRefreshChainRefusesItsAddonTokens() throws Exception {
		String session = "session-" + UUID.randomUUID();
		Tokens.Token addon = Tokens.addon().withSession(session);
		String token = addon.compact();
		assertThat(statusOf("/admin/operator/list", token)).isEqualTo(HttpStatus.OK);

		publish(session, "org-1", new TokenRevoked(RevocationScope.SESSION, session, "livechat", "refresh reused",
				Instant.now(), Instant.now().plusSeconds(900)));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(25))
			.until(() -> statusOf("/admin/operator/list", token) == HttpStatus.UNAUTHORIZED);
		assertThat(statusOf("/admin/operator/list", Tokens.addon().compact())).isEqualTo(HttpStatus.OK);
	}

	@Test
	void disabledOrganisationsTokensAreRefused() throws Exception {
		String org = "org-" + UUID.randomUUID();
		String agentToken = Tokens.agent().withOrg(org).compact();
		String addonToken = Tokens.addon().withOrg(org).compact();
		assertThat(statusOf("/v1/tickets", agentToken)).isEqualTo(HttpStatus.OK);

		publish(org, org, new OrganisationDisabled(org, "disabled-co", Instant.now()));

		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(25))
			.until(() -> statusOf("/v1/tickets", agentToken) == HttpStatus.UNAUTHORIZED);
		this.web.get()
			.uri("/admin/operator/list")
			.header("access_token", addonToken)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("access token has been revoked (organisation disabled)");
		assertThat(statusOf("/v1/tickets", Tokens.agent().compact())).isEqualTo(HttpStatus.OK);
	}

	private void publish(String key, String org, EventData data) throws Exception {
		CloudEvent<EventData> event = CloudEvent.of("auth-service", key, org, data, Instant.now());
		this.kafka.send(Topics.AUTH_REVOCATIONS, key, this.json.toBytes(event)).get(10, TimeUnit.SECONDS);
	}

	private HttpStatus statusOf(String path, String token) {
		return HttpStatus.valueOf(this.web.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.returnResult(Void.class)
			.getStatus()
			.value());
	}

}
