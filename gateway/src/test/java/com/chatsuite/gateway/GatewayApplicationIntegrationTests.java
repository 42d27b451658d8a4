package com.chatsuite.gateway;

import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.chatsuite.testsupport.HealthAssertions.assertLive;
import static com.chatsuite.testsupport.HealthAssertions.assertReadyWith;

@SuiteIntegrationTest
class GatewayApplicationIntegrationTests {

	/**
	 * A real HTTP server standing in for ticket-service, answering with the path it got.
	 */
	private static final DisposableServer ticketService = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle((request, response) -> response.header("Content-Type", "application/json")
			.sendString(Mono.just("{\"served\":\"" + request.uri() + "\"}")))
		.bindNow();

	@Autowired
	private WebTestClient web;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("suite.gateway.services.ticket-service", () -> "http://127.0.0.1:" + ticketService.port());
	}

	@AfterAll
	static void stopUpstream() {
		ticketService.disposeNow();
	}

	@Test
	void startsAndIsReadyOnceKafkaAnswers() {
		assertReadyWith(this.web, "kafka");
	}

	@Test
	void livenessDoesNotDependOnKafka() {
		assertLive(this.web);
	}

	@Test
	void routesTheAgentTicketFamilyToTicketService() {
		this.web.get()
			.uri("/v1/tickets?limit=5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.served")
			.isEqualTo("/v1/tickets?limit=5");
	}

}
