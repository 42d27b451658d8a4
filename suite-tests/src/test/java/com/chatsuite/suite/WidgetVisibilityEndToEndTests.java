package com.chatsuite.suite;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.contracts.events.ticket.AgentStatusChanged;
import com.chatsuite.testsupport.SuiteInfrastructure;
import com.chatsuite.testsupport.TestWebClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo organisation sets up a widget through the running gateway only: operator,
 * domain, assignment, agent token; presence online makes the widget visible; deactivating
 * the operator hides it again with the reason and stops its agent token.
 */
class WidgetVisibilityEndToEndTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private WebTestClient gateway;

	@BeforeEach
	void gateway() {
		this.gateway = TestWebClients.toServer(RunningSuite.get().gatewayUrl(), Duration.ofSeconds(20));
	}

	@Test
	void widgetBecomesVisibleWithAnOnlineOperatorAndHiddenWhenItIsDeactivated() throws Exception {
		String token = data(this.gateway.get()
			.uri((uri) -> uri.path("/admin/access-token")
				.queryParam("email", "owner@demo.example")
				.queryParam("password", RunningSuite.DEMO_PASSWORD)
				.queryParam("organisation_domain", "demo")
				.queryParam("addon_unique_name", "livechat")
				.build())
			.exchange()
			.expectStatus()
			.isOk()).path("access_token").asString();
		String orgId = json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("org").asString();

		String email = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
		String operatorId = data(
				post(token, "/admin/operator/create", Map.of("email", email, "first_name", "Ada")).expectStatus()
					.isOk())
			.path("id")
			.asString();
		String domain = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
		post(token, "/admin/domain/create", Map.of("domain_name", domain, "email", email)).expectStatus().isOk();
		post(token, "/admin/operator/assign", Map.of("domain_name", domain, "operator_id", operatorId)).expectStatus()
			.isOk();

		String agentToken = await().atMost(Duration.ofSeconds(20))
			.until(() -> mintAgentToken(token, operatorId), (minted) -> minted != null);
		this.gateway.get()
			.uri("/v1/tickets")
			.header("Authorization", "Bearer " + agentToken)
			.exchange()
			.expectStatus()
			.value((status) -> assertThat(status).isNotEqualTo(401));

		visibility(token, domain).jsonPath("$.data.isWidgetVisible").isEqualTo(false);
		publishPresence(orgId, operatorId, email);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> visibility(token, domain).jsonPath("$.type")
				.isEqualTo("success")
				.jsonPath("$.data.isWidgetVisible")
				.isEqualTo(true));

		this.gateway.put()
			.uri("/admin/operator/update/" + operatorId)
			.header("access_token", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", 0))
			.exchange()
			.expectStatus()
			.isOk();
		visibility(token, domain).jsonPath("$.type")
			.isEqualTo("failure")
			.jsonPath("$.data.isWidgetVisible")
			.isEqualTo(false)
			.jsonPath("$.data.reason")
			.value((reason) -> assertThat((String) reason).contains("active"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.gateway.get()
				.uri("/v1/tickets")
				.header("Authorization", "Bearer " + agentToken)
				.exchange()
				.expectStatus()
				.isUnauthorized());
	}

	private String mintAgentToken(String token, String operatorId) {
		byte[] body = post(token, "/auth/agent-tokens", Map.of("operator_id", operatorId)).expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode data = json.readTree(body).path("data");
		return data.has("access_token") ? data.path("access_token").asString() : null;
	}

	private WebTestClient.BodyContentSpec visibility(String token, String domain) {
		return post(token, "/admin/check-widget-visiblity", Map.of("domain_name", domain)).expectBody();
	}

	private WebTestClient.ResponseSpec post(String token, String path, Map<String, Object> body) {
		return this.gateway.post()
			.uri(path)
			.header("access_token", token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static void publishPresence(String orgId, String operatorId, String email) throws Exception {
		CloudEvent<AgentStatusChanged> event = CloudEvent.of("ticket-service", operatorId, orgId,
				new AgentStatusChanged(operatorId, email, "livechat", AgentStatus.ONLINE, Instant.now()),
				Instant.now());
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SuiteInfrastructure.kafkaBootstrapServers());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.TICKETS, operatorId, new EventJson().toBytes(event))).get();
		}
	}

	private static JsonNode data(WebTestClient.ResponseSpec response) {
		byte[] body = response.expectBody().returnResult().getResponseBody();
		return json.readTree(body).path("data");
	}

}
