package com.chatsuite.ticket;

import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.chatsuite.testsupport.HealthAssertions.assertLive;
import static com.chatsuite.testsupport.HealthAssertions.assertReadyWith;

@SuiteIntegrationTest
class TicketServiceApplicationIntegrationTests {

	@Autowired
	private WebTestClient web;

	@Test
	void startsAndIsReadyOnceMongoAndKafkaAnswer() {
		assertReadyWith(this.web, "mongo", "kafka");
	}

	@Test
	void livenessDoesNotDependOnMongoOrKafka() {
		assertLive(this.web);
	}

}
