package com.chatsuite.gateway;

import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import static com.chatsuite.testsupport.HealthAssertions.assertLive;
import static com.chatsuite.testsupport.HealthAssertions.assertReadyWith;

@SuiteIntegrationTest
class GatewayApplicationIntegrationTests extends StubbedGatewayTest {

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
