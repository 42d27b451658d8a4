package com.chatsuite.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.directory.WidgetVisibilityChanged;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.partner.WorkspaceCreated;
import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.contracts.events.ticket.AgentStatusChanged;
import com.chatsuite.support.events.EventInbox;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.TestTokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonAssert;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the integration tests of operator-domain-service share: tokens from the test JWK
 * set, an API driver per organisation and addon, and publishing other services' events.
 * Every test works in organisations of its own, so tests never see each other's data.
 */
public abstract class DirectoryIntegrationTest {

	protected static final String LIVECHAT = "livechat";

	protected static final String SELLER_BUYER = "seller_buyer_chat_system";

	@Autowired
	protected WebTestClient web;

	@Autowired
	protected EventJson json;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void testTokens(DynamicPropertyRegistry registry) {
		registry.add("suite.security.jwks-uri", () -> TestTokens.shared().jwksUri());
	}

	/** A new organisation id, unknown to every other test. */
	protected static String newOrganisation() {
		return "org-" + UUID.randomUUID();
	}

	protected AdminApi api(String orgId, String addon) {
		return new AdminApi(this.web, orgId, addon);
	}

	/** An API driver for a new organisation. */
	protected AdminApi newTenant(String addon) {
		return api(newOrganisation(), addon);
	}

	/**
	 * Publishes another service's event, as that service would.
	 * @param orgId the organisation
	 * @param subject the aggregate id (the key)
	 * @param data the event data
	 * @return the event published
	 */
	protected CloudEvent<?> publish(String orgId, String subject, EventData data) {
		CloudEvent<?> event = CloudEvent.of("test", subject, orgId, data, Instant.now());
		publish(event);
		return event;
	}

	protected void publish(CloudEvent<?> event) {
		try {
			this.kafka.send(new ProducerRecord<>(event.eventType().topic(), event.subject(), this.json.toBytes(event)))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.type(), ex);
		}
	}

	/**
	 * Publishes partner-service's event about a workspace, as it would, and waits until
	 * this service has processed it.
	 * @param workspaceId the workspace, also its organisation's id
	 * @param data the event data
	 * @return the event published
	 */
	protected CloudEvent<?> workspaceEvent(String workspaceId, EventData data) {
		CloudEvent<?> event = CloudEvent.of("partner-service", workspaceId, "partner-of-" + workspaceId, data,
				Instant.now());
		publish(event);
		Query processed = Query.query(Criteria.where("_id").is("workspaces/" + event.id()));
		eventually().until(() -> this.mongo.exists(processed, EventInbox.COLLECTION).block());
		return event;
	}

	/**
	 * Makes an organisation a partner workspace's, on a plan with limits.
	 * @param orgId the organisation, also the workspace id
	 * @param plan the plan
	 * @param maxOperators the most operators it allows
	 * @param maxDomains the most domains it allows
	 * @param addons the addons it includes
	 */
	protected void workspaceOnPlan(String orgId, String plan, int maxOperators, int maxDomains, String... addons) {
		workspaceEvent(orgId,
				new WorkspaceCreated(orgId, "partner-of-" + orgId, "Client shop", "shop-" + orgId,
						"owner@" + orgId + ".example", "$2a$10$hash", plan, List.of(addons), maxOperators, maxDomains,
						Instant.now()));
	}

	/** Publishes ticket-service's presence change of an operator, happening now. */
	protected CloudEvent<?> presence(AdminApi tenant, String operatorId, AgentStatus status) {
		return presence(tenant, operatorId, status, Instant.now());
	}

	protected CloudEvent<?> presence(AdminApi tenant, String operatorId, AgentStatus status, Instant at) {
		return publish(tenant.orgId(), operatorId,
				new AgentStatusChanged(operatorId, "agent@example.test", tenant.addon(), status, at));
	}

	/** Waits for an operator's presence to reach the projection. */
	protected void awaitPresence(AdminApi tenant, String operatorId, AgentStatus status) {
		eventually().until(() -> AdminApi.body(tenant.getOperator(operatorId)).path("data").path("status").asInt(),
				(code) -> code == status.code());
	}

	/** The events read so far about one aggregate of one organisation, in order. */
	protected List<CloudEvent<?>> eventsOf(EventCollector collector, String orgId, String subject) {
		return collector.records()
			.stream()
			.<CloudEvent<?>>map((record) -> this.json.fromBytes(record.value()))
			.filter((event) -> event.orgid().equals(orgId) && event.subject().equals(subject))
			.toList();
	}

	/**
	 * The data of the events read so far about one aggregate of one organisation, but for
	 * the announcements of a domain's widget visibility (see
	 * {@code VisibilityIntegrationTests}), which follow every change of a domain.
	 */
	protected List<EventData> dataOf(EventCollector collector, String orgId, String subject) {
		return eventsOf(collector, orgId, subject).stream()
			.<EventData>map(CloudEvent::data)
			.filter((data) -> !(data instanceof WidgetVisibilityChanged))
			.toList();
	}

	protected static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50));
	}

	protected static JsonNode body(WebTestClient.ResponseSpec response) {
		return AdminApi.body(response);
	}

	/**
	 * Asserts an addon-family error body naming the field at fault.
	 * @param response the response, its status already checked
	 * @param field the field the error must name
	 * @param message a part of the message
	 */
	protected static void assertRejected(WebTestClient.ResponseSpec response, String field, String message) {
		JsonNode body = body(response);
		assertThat(body.path("status").asInt()).isZero();
		assertThat(body.path("message").asString()).contains(message);
		assertThat(body.path("errors").path(0).path("field").asString()).isEqualTo(field);
		assertThat(body.path("errors").path(0).path("message").asString()).contains(message);
	}

	/** Asserts a JSON body equals the expected one exactly: no field more, none less. */
	protected static void assertJson(JsonNode actual, String expected) {
		JsonAssert.comparator(JsonCompareMode.STRICT).assertIsMatch(expected, actual.toString());
	}

}
