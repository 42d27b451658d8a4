package com.chatsuite.partner;

import java.time.Duration;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.testsupport.EventPublisher;
import com.chatsuite.testsupport.MutableClock;
import com.chatsuite.testsupport.TestTokens;
import org.awaitility.core.ConditionFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the integration tests of partner-service share: partners with keys from the test
 * JWK set, the movable clock, and publishing other services' events. Every test works
 * with partners of its own, so tests never see each other's data.
 */
public abstract class PartnerIntegrationTest {

	@Autowired
	protected WebTestClient web;

	@Autowired
	protected EventJson json;

	@Autowired
	protected MutableClock clock;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@DynamicPropertySource
	static void testTokens(DynamicPropertyRegistry registry) {
		registry.add("suite.security.jwks-uri", () -> TestTokens.shared().jwksUri());
	}

	protected PartnerApi newPartner() {
		return PartnerApi.newPartner(this.web);
	}

	/**
	 * Publishes another service's event, as that service would.
	 * @param orgId the organisation
	 * @param subject the aggregate id (the key)
	 * @param data the event data
	 * @return the event published
	 */
	protected CloudEvent<?> publish(String orgId, String subject, EventData data) {
		return new EventPublisher(this.kafka, this.json).publish("test", orgId, subject, data);
	}

	protected static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
	}

	protected static JsonNode body(WebTestClient.ResponseSpec response) {
		return PartnerApi.body(response);
	}

	/**
	 * Asserts a partner-family error body naming the field at fault.
	 * @param body the body
	 * @param field the field the error must name
	 * @param message a part of the message
	 */
	protected static void assertRejected(JsonNode body, String field, String message) {
		assertThat(body.path("status").asString()).isEqualTo("error");
		assertThat(body.path("message").asString()).contains(message);
		assertThat(body.path("errors").path(0).path("field").asString()).isEqualTo(field);
	}

}
