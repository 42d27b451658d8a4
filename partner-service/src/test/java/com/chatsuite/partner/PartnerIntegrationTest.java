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

import com.mongodb.client.result.UpdateResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

	@Autowired
	private ReactiveMongoTemplate store;

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

	/**
	 * Makes a keyed request's answer lost, as when its attempt made the change but
	 * stopped before storing the answer (a crash, a failed write of the answer): the
	 * key's record is left unanswered and no longer held.
	 * @param partner the partner that sent it
	 * @param key its {@code Idempotency-Key}
	 */
	protected void loseAnswer(PartnerApi partner, String key) {
		Query record = Query.query(Criteria.where("_id").is(partner.partnerId() + ":" + key));
		Update lost = Update.update("status", 0)
			.unset("body")
			.unset("contentType")
			.set("leaseUntil", this.clock.instant().minusSeconds(1));
		assertThat(this.store.updateFirst(record, lost, "idempotent_requests")
			.map(UpdateResult::getModifiedCount)
			.block(Duration.ofSeconds(10))).isEqualTo(1);
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
