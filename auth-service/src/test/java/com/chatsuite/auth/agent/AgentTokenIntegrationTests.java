package com.chatsuite.auth.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.chatsuite.auth.AuthApiSupport;
import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.OperatorAddonStatusChanged;
import com.chatsuite.contracts.events.directory.OperatorAnnounced;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.security.TokenRejectedException;
import com.chatsuite.support.security.TokenVerifier;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SuiteIntegrationTest
class AgentTokenIntegrationTests extends AuthApiSupport {

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private EventJson json;

	@Autowired
	private TokenVerifier verifier;

	private JsonNode organisation;

	private String addonToken;

	@BeforeEach
	void organisation() {
		this.organisation = api().createOrganisation(List.of("livechat"));
		this.addonToken = api().login(this.organisation, "livechat").path("access_token").asString();
		// The directory consumer is subscribed once a first operator has arrived.
		String warmUp = createOperator("livechat");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mint(warmUp).expectStatus().isOk());
	}

	@Test
	void operatorCreatedAMomentAgoGetsAnAgentTokenWithinASecond() {
		String operatorId = createOperator("livechat");
		await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> mint(operatorId).expectStatus().isOk());
		JsonNode data = body(mint(operatorId).expectStatus().isOk()).path("data");
		assertThat(data.path("expire_in").asInt()).isEqualTo(3600);
		StepVerifier.create(this.verifier.verify(data.path("access_token").asString(), Set.of(TokenKind.AGENT)))
			.assertNext((claims) -> {
				assertThat(claims.subject()).isEqualTo(operatorId);
				assertThat(claims.orgId()).isEqualTo(orgId());
				assertThat(claims.addon()).isEqualTo("livechat");
				assertThat(claims.email()).isEqualTo(operatorId + "@agents.example");
			})
			.verifyComplete();
	}

	@Test
	void operatorOfAnotherOrganisationIsNotFound() {
		JsonNode other = api().createOrganisation(List.of("livechat"));
		String foreign = UUID.randomUUID().toString();
		publish(foreign, other.path("id").asString(),
				new OperatorCreated(foreign, foreign + "@agents.example", "Foreign", "livechat", true));
		await().pollDelay(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> mint(foreign).expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("operator_id"));
	}

	@Test
	void anOperatorOlderThanTheTopicIsKnownFromItsAnnouncement() {
		String operatorId = UUID.randomUUID().toString();
		publish(operatorId, orgId(), new OperatorAnnounced(operatorId, operatorId + "@agents.example", "Older",
				List.of(new OperatorAnnounced.AddonStatus("livechat", true)), Instant.now()));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mint(operatorId).expectStatus().isOk());
	}

	@Test
	void deactivatingAnOperatorStopsItsAgentTokensWithinASecond() {
		String operatorId = createOperator("livechat");
		await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> mint(operatorId).expectStatus().isOk());
		String agentToken = body(mint(operatorId)).path("data").path("access_token").asString();

		publish(operatorId, orgId(),
				new OperatorAddonStatusChanged(operatorId, operatorId + "@agents.example", "livechat", false));
		await().atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> StepVerifier.create(this.verifier.verify(agentToken, Set.of(TokenKind.AGENT)))
				.expectErrorSatisfies((ex) -> assertThat(((TokenRejectedException) ex).reason())
					.isEqualTo(TokenRejectedException.Reason.REVOKED))
				.verify());
		mint(operatorId).expectStatus().isEqualTo(409);

		// Active again: new tokens work, the old one stays revoked.
		publish(operatorId, orgId(),
				new OperatorAddonStatusChanged(operatorId, operatorId + "@agents.example", "livechat", true));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> mint(operatorId).expectStatus().isOk());
	}

	private String createOperator(String addon) {
		String operatorId = UUID.randomUUID().toString();
		publish(operatorId, orgId(),
				new OperatorCreated(operatorId, operatorId + "@agents.example", "Agent", addon, true));
		return operatorId;
	}

	private void publish(String operatorId, String orgId, EventData data) {
		CloudEvent<EventData> event = CloudEvent.of("operator-domain-service", operatorId, orgId, data, Instant.now());
		this.kafka.send(new ProducerRecord<>(Topics.DIRECTORY_OPERATORS, operatorId, this.json.toBytes(event))).join();
	}

	private WebTestClient.ResponseSpec mint(String operatorId) {
		return this.web.post()
			.uri("/auth/agent-tokens")
			.header("access_token", this.addonToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("operator_id", operatorId))
			.exchange();
	}

	private String orgId() {
		return this.organisation.path("id").asString();
	}

}
