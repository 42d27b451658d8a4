package com.chatsuite.ticket;

import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.chatsuite.testsupport.HealthAssertions.assertLive;
import static com.chatsuite.testsupport.HealthAssertions.assertReadyWith;
import static com.chatsuite.testsupport.OpenApiAssertions.assertDocumentsEveryEndpoint;

@SuiteIntegrationTest
class TicketServiceApplicationIntegrationTests extends TicketIntegrationTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void startsAndIsReadyOnceMongoAndKafkaAnswer() {
		assertReadyWith(this.web, "mongo", "kafka");
	}

	@Test
	void livenessDoesNotDependOnMongoOrKafka() {
		assertLive(this.web);
	}

	@Test
	void publishesAnOpenApiDocumentOfEveryEndpoint() {
		assertDocumentsEveryEndpoint(this.web, this.context);
	}

}
