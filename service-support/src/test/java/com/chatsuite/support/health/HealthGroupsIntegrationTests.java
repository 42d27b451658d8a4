package com.chatsuite.support.health;

import com.chatsuite.support.sample.SampleApplication;
import com.chatsuite.testsupport.SuiteInfrastructure;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.chatsuite.testsupport.HealthAssertions.assertLive;
import static com.chatsuite.testsupport.HealthAssertions.assertReadyWith;
import static org.awaitility.Awaitility.await;

@SuiteIntegrationTest(classes = SampleApplication.class)
class HealthGroupsIntegrationTests {

	@Autowired
	private WebTestClient web;

	@Test
	void readinessIsUpWithMongoCheckedAndHealthReportsKafka() {
		assertReadyWith(this.web, "mongo", "kafka", "readinessState");
		this.web.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectBody()
			.jsonPath("$.components.mongo.status")
			.isEqualTo("UP")
			.jsonPath("$.components.kafka")
			.doesNotExist();
	}

	@Test
	void aBrokerOutageLeavesTheServiceReadyWhileHealthReportsKafkaDown() {
		SuiteInfrastructure.stopKafka();
		try {
			await().atMost(java.time.Duration.ofSeconds(15))
				.untilAsserted(() -> this.web.get()
					.uri("/actuator/health")
					.exchange()
					.expectStatus()
					.isEqualTo(503)
					.expectBody()
					.jsonPath("$.components.kafka.status")
					.isEqualTo("DOWN"));
			this.web.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
			assertLive(this.web);
		}
		finally {
			SuiteInfrastructure.startKafka();
		}
		await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertReadyWith(this.web, "kafka"));
	}

}
