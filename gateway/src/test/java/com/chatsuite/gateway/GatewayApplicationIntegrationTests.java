package com.chatsuite.gateway;

import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static com.chatsuite.testsupport.HealthAssertions.assertLive;
import static com.chatsuite.testsupport.HealthAssertions.assertReadyWithDetails;
import static com.chatsuite.testsupport.HealthAssertions.assertStatusOnly;

@SuiteIntegrationTest
class GatewayApplicationIntegrationTests extends StubbedGatewayTest {

	@Test
	void startsAndIsReadyOnceKafkaAnswers() {
		assertReadyWithDetails(this.web, Tokens.platform().compact(), "kafka");
	}

	@Test
	void publicHealthTellsTheStatusOnlyWithoutThePlatformAdminToken() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness",
				"/actuator/health/liveness" }) {
			assertStatusOnly(this.web, path);
		}
		this.web.get()
			.uri("/actuator/health/readiness")
			.headers((headers) -> headers.setBearerAuth(Tokens.addon().compact()))
			.exchange()
			.expectBody()
			.jsonPath("$.components")
			.doesNotExist();
	}

	@Test
	void anUnknownHealthGroupIsA404WithABody() {
		for (String token : new String[] { null, Tokens.platform().compact() }) {
			for (String path : new String[] { "/actuator/health/nothing", "/actuator/health/readiness;jsessionid=1",
					"/actuator/health/liveness/x" }) {
				this.web.get().uri(path).headers((headers) -> {
					if (token != null) {
						headers.setBearerAuth(token);
					}
				})
					.exchange()
					.expectStatus()
					.isNotFound()
					.expectHeader()
					.contentType(MediaType.APPLICATION_JSON)
					.expectBody()
					.jsonPath("$.status")
					.isEqualTo(404)
					.jsonPath("$.message")
					.isEqualTo("no health group or component at " + path);
			}
		}
	}

	@Test
	void livenessDoesNotDependOnKafka() {
		assertLive(this.web);
	}

	@Test
	void routesTheAgentTicketFamilyToTicketService() {
		this.web.get()
			.uri("/v1/tickets?limit=5")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("ticket-service")
			.jsonPath("$.uri")
			.isEqualTo("/v1/tickets?limit=5");
	}

}
