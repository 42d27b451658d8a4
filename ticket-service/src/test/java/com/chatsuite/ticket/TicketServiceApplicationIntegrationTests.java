package com.chatsuite.ticket;

import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import static com.chatsuite.testsupport.HealthAssertions.assertLive;
import static com.chatsuite.testsupport.HealthAssertions.assertReadyWith;

@SuiteIntegrationTest
class TicketServiceApplicationIntegrationTests extends TicketIntegrationTest {

	@Test
	void startsAndIsReadyOnceMongoAndKafkaAnswer() {
		assertReadyWith(this.web, "mongo", "kafka");
	}

	@Test
	void livenessDoesNotDependOnMongoOrKafka() {
		assertLive(this.web);
	}

}
