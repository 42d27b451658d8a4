package com.chatsuite.support.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.TopicSettings;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.support.sample.ParcelService;
import com.chatsuite.support.sample.SampleApplication;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteInfrastructure;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SuiteIntegrationTest(classes = SampleApplication.class)
class OutboxRelayIntegrationTests {

	@Autowired
	private ParcelService parcels;

	@Autowired
	private EventJson json;

	private EventCollector collector;

	@BeforeEach
	void collect() {
		this.collector = EventCollector.of(Topics.DIRECTORY_OPERATORS);
	}

	@AfterEach
	void stopCollecting() throws InterruptedException {
		this.collector.close();
	}

	@Test
	void topicsAreCreatedWithTheirDeclaredCompactionAndRetention() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafkaBootstrapServers()))) {
			for (String topic : List.of(Topics.AUTH_REVOCATIONS, Topics.DIRECTORY_OPERATORS,
					Topics.deadLetter(Topics.CHAT_ROOMS))) {
				ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
					TopicSettings.of(topic)
						.configs()
						.forEach((name, value) -> assertThat(config.get(name).value()).as(topic + " " + name)
							.isEqualTo(value));
				});
			}
		}
	}

	@Test
	void storedChangeIsPublishedOnceWithItsEnvelope() {
		String id = UUID.randomUUID().toString();
		StepVerifier.create(this.parcels.create(id, "first")).expectNextCount(1).verifyComplete();

		await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(id).size() == 1);
		CloudEvent<?> event = eventsFor(id).get(0);
		assertThat(event.source()).isEqualTo("support-sample");
		assertThat(event.orgid()).isEqualTo("org-1");
		assertThat(event.data()).isInstanceOf(OperatorCreated.class);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(pendingOf(id)).isEmpty());
	}

	@Test
	void changeMadeWhileKafkaIsDownIsPublishedExactlyOnceWhenItReturns() {
		String id = UUID.randomUUID().toString();
		SuiteInfrastructure.stopKafka();
		try {
			StepVerifier.create(this.parcels.create(id, "during-outage")).expectNextCount(1).verifyComplete();
			// The relay keeps trying while the broker is away; the event stays stored.
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(pendingOf(id)).hasSize(1));
		}
		finally {
			SuiteInfrastructure.startKafka();
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(id).size() == 1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pendingOf(id)).isEmpty());
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> eventsFor(id).size() == 1);
	}

	@Test
	void nothingIsPublishedForAChangeThatWasNotStored() {
		String id = UUID.randomUUID().toString();
		StepVerifier.create(this.parcels.create(id, "stored")).expectNextCount(1).verifyComplete();
		// A second parcel with the same id is refused by the store, and so is its event.
		StepVerifier.create(this.parcels.create(id, "refused")).expectError().verify();

		await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(id).size() == 1);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> eventsFor(id).size() == 1);
		assertThat(((OperatorCreated) eventsFor(id).get(0).data()).name()).isEqualTo("stored");
	}

	private List<CloudEvent<?>> eventsFor(String subject) {
		return this.collector.records()
			.stream()
			.filter((record) -> subject.equals(record.key()))
			.<CloudEvent<?>>map((record) -> this.json.fromBytes(record.value()))
			.toList();
	}

	private List<OutboxEvent> pendingOf(String id) {
		return this.parcels.find(id).map((parcel) -> parcel.outbox()).blockOptional().orElse(List.of());
	}

}
