package com.chatsuite.ticket.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.chatsuite.contracts.events.ticket.TicketAssigned;
import com.chatsuite.contracts.events.ticket.TicketCreated;
import com.chatsuite.testsupport.SuiteInfrastructureInitializer;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.testsupport.TestTokens;
import com.chatsuite.ticket.TicketIntegrationTest;
import com.chatsuite.ticket.TicketServiceApplication;
import com.chatsuite.testsupport.TestWebClients;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of ticket-service over the same MongoDB and Kafka route hundreds of rooms
 * to a few agents at once, each replica consuming part of the rooms and serving the
 * queue: no ticket is ever assigned twice and no agent ever holds more than its capacity.
 */
@SuiteIntegrationTest
class TwoReplicasIntegrationTests extends TicketIntegrationTest {

	private static final int ROOMS = 200;

	private static final int AGENTS = 6;

	private static final int CAPACITY = 4;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	private ConfigurableApplicationContext second;

	@AfterEach
	void stopSecondReplica() {
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	void noTicketIsAssignedTwiceAndNoAgentGoesOverCapacity() {
		WebTestClient secondWeb = startSecondReplica();
		String orgId = newId("org");
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < AGENTS; i++) {
			tokens.add(operator(orgId, "Agent " + i).token());
		}
		List<WebTestClient> replicas = List.of(this.web, secondWeb);
		this.web.put()
			.uri("/admin/routing-settings")
			.header("access_token", addonToken(orgId, LIVECHAT))
			.bodyValue(Map.of("capacity", CAPACITY))
			.exchange()
			.expectStatus()
			.isOk();
		for (int i = 0; i < AGENTS; i++) {
			call(replicas.get(i % 2), "PUT", "/v1/online", tokens.get(i)).expectStatus().isOk();
		}
		List<String> rooms = new ArrayList<>();
		for (int i = 0; i < ROOMS; i++) {
			rooms.add(openRoom(orgId, "busy.example"));
		}
		int round = 0;
		int closed = 0;
		while (closed < ROOMS) {
			assertWithinCapacity(orgId);
			List<Runnable> closes = new ArrayList<>();
			for (int i = 0; i < AGENTS; i++) {
				String token = tokens.get(i);
				WebTestClient reader = replicas.get((i + round) % 2);
				WebTestClient closer = replicas.get((i + round + 1) % 2);
				JsonNode held = body(call(reader, "GET", "/v1/tickets", token).expectStatus().isOk());
				assertThat(held.size()).as("tickets held by agent %d", i).isLessThanOrEqualTo(CAPACITY);
				for (JsonNode ticket : held) {
					String roomId = ticket.path("metadata").path("roomId").asString();
					closes.add(() -> call(closer, "DELETE", "/v1/rooms/" + roomId, token).expectStatus().isOk());
				}
			}
			// Agents close at the same moment on both replicas, which serve the queue at
			// once.
			Flux.fromIterable(closes)
				.parallel(AGENTS)
				.runOn(Schedulers.boundedElastic())
				.doOnNext(Runnable::run)
				.sequential()
				.blockLast(Duration.ofSeconds(60));
			closed += closes.size();
			round++;
			assertThat(round).as("rounds of closing").isLessThan(ROOMS);
		}
		assertThat(closed).isEqualTo(ROOMS);
		eventually().atMost(Duration.ofSeconds(30)).until(() -> assignmentsByTicket(rooms).size() == ROOMS);
		Map<String, Long> assignments = assignmentsByTicket(rooms);
		assertThat(assignments.values()).as("assignments per ticket").containsOnly(1L);
	}

	private void assertWithinCapacity(String orgId) {
		List<com.chatsuite.ticket.agent.Agent> agents = this.mongo
			.find(Query.query(Criteria.where("orgId").is(orgId)), com.chatsuite.ticket.agent.Agent.class)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(agents).hasSize(AGENTS).allSatisfy((agent) -> {
			assertThat(agent.load()).isBetween(0, CAPACITY);
			assertThat(agent.tickets()).hasSize(agent.load()).doesNotHaveDuplicates();
		});
	}

	/** Assignment events per ticket of the given rooms. */
	private Map<String, Long> assignmentsByTicket(List<String> rooms) {
		Map<String, String> ticketOfRoom = new HashMap<>();
		List<TicketAssigned> assigned = new ArrayList<>();
		published.records().forEach((record) -> {
			Object data = this.json.fromBytes(record.value()).data();
			if (data instanceof TicketCreated created) {
				ticketOfRoom.put(created.roomId(), created.ticketId());
			}
			else if (data instanceof TicketAssigned assignment) {
				assigned.add(assignment);
			}
		});
		List<String> tickets = rooms.stream().map(ticketOfRoom::get).toList();
		return assigned.stream()
			.filter((assignment) -> tickets.contains(assignment.ticketId()))
			.collect(Collectors.groupingBy(TicketAssigned::ticketId, Collectors.counting()));
	}

	private WebTestClient startSecondReplica() {
		// Arguments, so they override the service's own application.properties.
		this.second = new SpringApplicationBuilder(TicketServiceApplication.class)
			.initializers(new SuiteInfrastructureInitializer())
			.run("--server.port=0", "--suite.security.jwks-uri=" + TestTokens.shared().jwksUri());
		KafkaListenerEndpointRegistry secondListeners = this.second.getBean(KafkaListenerEndpointRegistry.class);
		// Both replicas must own room partitions before the rooms arrive.
		eventually().atMost(Duration.ofSeconds(60))
			.until(() -> ownsRoomPartitions(secondListeners) && ownsRoomPartitions(this.listeners));
		String port = this.second.getEnvironment().getProperty("local.server.port");
		return TestWebClients.toServer("http://localhost:" + port, Duration.ofSeconds(30));
	}

	private static boolean ownsRoomPartitions(KafkaListenerEndpointRegistry registry) {
		for (MessageListenerContainer container : registry.getListenerContainers()) {
			if (container.getGroupId() != null && container.getGroupId().endsWith("-rooms")) {
				return container.getAssignedPartitions() != null && !container.getAssignedPartitions().isEmpty();
			}
		}
		return false;
	}

	private static WebTestClient.ResponseSpec call(WebTestClient web, String method, String path, String token) {
		return web.method(HttpMethod.valueOf(method))
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange();
	}

}
