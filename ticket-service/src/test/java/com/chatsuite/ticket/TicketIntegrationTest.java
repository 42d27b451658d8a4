package com.chatsuite.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.contracts.events.chat.RoomClosed;
import com.chatsuite.contracts.events.chat.RoomCreated;
import com.chatsuite.contracts.events.chat.SenderType;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.OperatorAssigned;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.contracts.events.ticket.TicketCreated;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.MutableClock;
import com.chatsuite.testsupport.TestTokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * What the integration tests of ticket-service share: one application context (same
 * properties everywhere), tokens from the test JWK set signed against the movable clock,
 * publishing the events of operator-domain-service and chat-room-service, and reading
 * what ticket-service publishes. Every test works in organisations of its own.
 */
public abstract class TicketIntegrationTest {

	protected static final String LIVECHAT = "livechat";

	protected static final String SELLER_CHAT = "seller_buyer_chat_system";

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static EventCollector published;

	@Autowired
	protected WebTestClient web;

	@Autowired
	protected EventJson json;

	@Autowired
	protected MutableClock clock;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@DynamicPropertySource
	static void testTokens(DynamicPropertyRegistry registry) {
		registry.add("suite.security.jwks-uri", () -> TestTokens.shared().jwksUri());
	}

	/** Starts reading once the application has declared its topics. */
	@BeforeEach
	void collect() {
		if (published == null) {
			published = EventCollector.of(Topics.TICKETS);
		}
	}

	@AfterAll
	static void stopCollecting() throws InterruptedException {
		if (published != null) {
			published.close();
			published = null;
		}
	}

	protected static String newId(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	/** An agent token of an operator, valid for an hour of the test clock. */
	protected String agentToken(String orgId, String operatorId) {
		return agentToken(orgId, operatorId, LIVECHAT);
	}

	/** An agent token of an operator in an addon, valid for an hour of the test clock. */
	protected String agentToken(String orgId, String operatorId, String addon) {
		TestTokens tokens = TestTokens.shared();
		return tokens.sign(tokens.base("agent", operatorId, orgId, addon)
			.claim("email", operatorId + "@example.test")
			.expirationTime(Date.from(this.clock.instant().plus(Duration.ofHours(1)))));
	}

	/** An addon access token of an organisation, valid for an hour of the test clock. */
	protected String addonToken(String orgId, String addon) {
		TestTokens tokens = TestTokens.shared();
		return tokens.sign(tokens.base("addon", orgId, orgId, addon)
			.claim("sid", UUID.randomUUID().toString())
			.expirationTime(Date.from(this.clock.instant().plus(Duration.ofHours(1)))));
	}

	/**
	 * Changes an organisation's routing settings with its livechat addon token, or reads
	 * them.
	 * @param orgId the organisation
	 * @param changes the fields to change, {@code null} to read
	 * @return the answer
	 */
	protected WebTestClient.ResponseSpec routingSettings(String orgId, Map<String, ?> changes) {
		String token = addonToken(orgId, LIVECHAT);
		if (changes == null) {
			return this.web.get().uri("/admin/routing-settings").header("access_token", token).exchange();
		}
		return this.web.put()
			.uri("/admin/routing-settings")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.bodyValue(changes)
			.exchange();
	}

	/** Publishes another service's event, as that service would. */
	protected CloudEvent<?> publish(String orgId, String subject, EventData data) {
		CloudEvent<?> event = CloudEvent.of("test", subject, orgId, data, this.clock.instant());
		try {
			this.kafka.send(new ProducerRecord<>(event.eventType().topic(), event.subject(), this.json.toBytes(event)))
				.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.type(), ex);
		}
		return event;
	}

	/** Changes a stored ticket behind the service's back, as a half-done change would. */
	protected void changeStoredTicket(String ticketId, Update update) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(ticketId)), update, "tickets")
			.block(Duration.ofSeconds(10));
	}

	/** An agent as stored, with its {@code tickets} and {@code load}. */
	protected Document storedAgent(Agent agent) {
		return this.mongo
			.findOne(Query.query(Criteria.where("operatorId").is(agent.operatorId())), Document.class, "agents")
			.block(Duration.ofSeconds(10));
	}

	protected boolean stored(Query query, String collection) {
		return Boolean.TRUE.equals(this.mongo.exists(query, collection).block(Duration.ofSeconds(10)));
	}

	/** operator-domain-service creates an operator, active in livechat. */
	protected Agent operator(String orgId, String name) {
		String operatorId = newId("op");
		publish(orgId, operatorId, new OperatorCreated(operatorId, operatorId + "@example.test", name, LIVECHAT, true));
		Agent agent = new Agent(orgId, operatorId, agentToken(orgId, operatorId));
		eventually().until(() -> agent.info().returnResult(byte[].class).getStatus().value() == 200);
		return agent;
	}

	/** An operator ticket-service learnt of some other way, as its livechat agent. */
	protected Agent agentOf(String orgId, String operatorId) {
		return new Agent(orgId, operatorId, agentToken(orgId, operatorId));
	}

	/** The same operator, active in another addon too, as that addon's agent. */
	protected Agent inAddon(Agent operator, String addon) {
		publish(operator.orgId(), operator.operatorId(), new OperatorCreated(operator.operatorId(),
				operator.operatorId() + "@example.test", "Same Operator", addon, true));
		Agent agent = new Agent(operator.orgId(), operator.operatorId(),
				agentToken(operator.orgId(), operator.operatorId(), addon));
		eventually().until(() -> agent.info().returnResult(byte[].class).getStatus().value() == 200);
		return agent;
	}

	/** An operator that is online. */
	protected Agent onlineOperator(String orgId, String name) {
		Agent agent = operator(orgId, name);
		agent.online().expectStatus().isOk();
		return agent;
	}

	/** operator-domain-service registers a domain and assigns operators to it. */
	protected String domain(String orgId, String name, Agent... assigned) {
		String domainId = newId("domain");
		publish(orgId, domainId, new DomainCreated(domainId, name, "owner@" + name, LIVECHAT, true));
		for (Agent agent : assigned) {
			publish(orgId, domainId,
					new OperatorAssigned(agent.operatorId(), domainId, name, LIVECHAT, false, true, true, null));
		}
		// A room opened on the domain comes on another topic: until ticket-service has
		// the
		// domain and its assignments, it would route the room as one of no known domain.
		eventually().until(() -> stored(Query.query(Criteria.where("_id").is(domainId)), "domains"));
		for (Agent agent : assigned) {
			eventually().until(() -> stored(
					Query.query(Criteria.where("operatorId").is(agent.operatorId()).and("domainIds").is(domainId)),
					"agents"));
		}
		return domainId;
	}

	/** chat-room-service opens a room. */
	protected String openRoom(String orgId, String productName) {
		return openRoomWithId(orgId, newId("room"), productName);
	}

	/**
	 * Opens a room of the agent's organisation on a domain no one is assigned to, and
	 * waits until the agent holds its ticket.
	 */
	protected String assignedRoom(Agent agent) {
		String roomId = openRoom(agent.orgId(), "any.example");
		eventually().until(() -> agent.ticketOfRoom(roomId) != null);
		return roomId;
	}

	protected String openRoomWithId(String orgId, String roomId, String productName) {
		// Rooms a visitor opens one after the other are not opened in the same
		// millisecond;
		// the queue is ordered by opening time.
		this.clock.advance(Duration.ofMillis(1));
		publish(orgId, roomId,
				new RoomCreated(roomId, productName, newId("user"), "Hugo Dan", "eng", this.clock.instant()));
		return roomId;
	}

	protected void postMessage(String orgId, String roomId, long sequence, SenderType sender, String text) {
		publish(orgId, roomId,
				new MessagePosted(roomId, newId("msg"), sequence, sender, "someone", text, this.clock.instant()));
	}

	protected void closeRoom(String orgId, String roomId) {
		publish(orgId, roomId, new RoomClosed(roomId, "visitor", "visitor left", this.clock.instant()));
	}

	/** The events ticket-service published about one aggregate, in order. */
	protected List<EventData> publishedAbout(String subject) {
		return published.records()
			.stream()
			.<CloudEvent<?>>map((record) -> this.json.fromBytes(record.value()))
			.filter((event) -> event.subject().equals(subject))
			.<EventData>map(CloudEvent::data)
			.toList();
	}

	/** The id of a room's ticket, from its ticket-created event, or "none" before it. */
	protected String ticketIdOf(String roomId) {
		return published.records()
			.stream()
			.map((record) -> this.json.fromBytes(record.value()).data())
			.filter((data) -> data instanceof TicketCreated created && created.roomId().equals(roomId))
			.map((data) -> ((TicketCreated) data).ticketId())
			.findFirst()
			.orElse("none");
	}

	protected static ConditionFactory eventually() {
		return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50));
	}

	protected static JsonNode body(WebTestClient.ResponseSpec response) {
		byte[] bytes = response.expectBody().returnResult().getResponseBody();
		return JSON.readTree((bytes != null) ? bytes : "null".getBytes());
	}

	/**
	 * The agent ticket API as one agent's console calls it.
	 */
	protected final class Agent {

		private final String orgId;

		private final String operatorId;

		private String token;

		Agent(String orgId, String operatorId, String token) {
			this.orgId = orgId;
			this.operatorId = operatorId;
			this.token = token;
		}

		public String orgId() {
			return this.orgId;
		}

		public String operatorId() {
			return this.operatorId;
		}

		public String token() {
			return this.token;
		}

		/** Takes a new token, after the clock moved far. */
		public void renewToken() {
			this.token = agentToken(this.orgId, this.operatorId);
		}

		public WebTestClient.ResponseSpec info() {
			return call("GET", "/v1/info", null);
		}

		public WebTestClient.ResponseSpec online() {
			return call("PUT", "/v1/online", null);
		}

		public WebTestClient.ResponseSpec offline() {
			return call("PUT", "/v1/offline", null);
		}

		public WebTestClient.ResponseSpec status(String status) {
			return call("PUT", "/v1/status", Map.of("status", status));
		}

		public WebTestClient.ResponseSpec tickets() {
			return call("GET", "/v1/tickets", null);
		}

		public WebTestClient.ResponseSpec ticketsWithClosed() {
			return call("GET", "/v1/tickets?closed=true", null);
		}

		public WebTestClient.ResponseSpec closeRoom(String roomId) {
			return call("DELETE", "/v1/rooms/" + roomId, null);
		}

		/** The agent's open tickets by room id. */
		public JsonNode ticketOfRoom(String roomId) {
			for (JsonNode ticket : body(tickets().expectStatus().isOk())) {
				if (ticket.path("metadata").path("roomId").asString().equals(roomId)) {
					return ticket;
				}
			}
			return null;
		}

		/** The agent's open ticket at an index, in the order it received them. */
		public JsonNode ticketOf(int index) {
			return body(tickets().expectStatus().isOk()).path(index);
		}

		public int openTickets() {
			return body(tickets().expectStatus().isOk()).size();
		}

		public WebTestClient.ResponseSpec call(String method, String path, Object body) {
			WebTestClient.RequestBodySpec request = TicketIntegrationTest.this.web.method(HttpMethod.valueOf(method))
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.token);
			return (body != null) ? request.bodyValue(body).exchange() : request.exchange();
		}

	}

}
