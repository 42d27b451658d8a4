package com.chatsuite.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteInfrastructure;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Kafka outage costs no request: while the broker is stopped, operators keep being
 * created (their events wait in the outbox) and the service stays ready; once the broker
 * is back every event is on the topic, and a consumer sees each exactly once. The outage
 * lasts 10 s, or {@code -Dsuite.test.outage-seconds=N} (the README's figures: 10 s and 60
 * s). A request once waited over 30 s here: sends waiting for the stopped broker held the
 * shared bounded-elastic threads; they wait on the outbox's own threads now.
 */
@SuiteIntegrationTest
class BrokerOutageIntegrationTests extends DirectoryIntegrationTest {

	private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("suite.test.outage-seconds", 10));

	@Test
	void operatorsAreCreatedThroughABrokerOutageAndEachEventArrivesOnceAfterIt() {
		AdminApi livechat = newTenant(LIVECHAT);
		List<String> created = new ArrayList<>();
		long slowestMillis = 0;
		SuiteInfrastructure.stopKafka();
		try {
			long end = System.nanoTime() + OUTAGE.toNanos();
			while (System.nanoTime() < end) {
				long started = System.nanoTime();
				created.add(livechat.newOperator("op-" + UUID.randomUUID() + "@example.org"));
				this.web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
				slowestMillis = Math.max(slowestMillis, (System.nanoTime() - started) / 1_000_000);
			}
		}
		finally {
			SuiteInfrastructure.startKafka();
		}
		long back = System.nanoTime();
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(createdOn(created)).hasSameSizeAs(created));
		List<String> delivered = createdOn(created);
		// A consumer de-duplicates on the event id; the raw count shows what it had to
		// skip.
		List<String> distinct = delivered.stream().distinct().toList();
		System.out.printf("Broker outage of %d s: %d operators created, all answered 2xx (slowest %d ms),"
				+ " readiness UP throughout; %d events on the topic %.1f s after the broker was back, %d distinct%n",
				OUTAGE.toSeconds(), created.size(), slowestMillis, delivered.size(), (System.nanoTime() - back) / 1e9,
				distinct.size());
		assertThat(distinct).containsExactlyInAnyOrderElementsOf(created);
	}

	/**
	 * The operator ids of the OperatorCreated events on the topic, for the given ones.
	 */
	private List<String> createdOn(List<String> operators) {
		return EventCollector.readToEnd(Topics.DIRECTORY_OPERATORS)
			.stream()
			.map((record) -> this.json.fromBytes(record.value()).data())
			.filter(OperatorCreated.class::isInstance)
			.map((data) -> ((OperatorCreated) data).operatorId())
			.filter(operators::contains)
			.toList();
	}

}
