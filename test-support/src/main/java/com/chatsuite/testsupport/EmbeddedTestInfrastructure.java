package com.chatsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.chatsuite.local.infra.EmbeddedKafkaBroker;
import com.chatsuite.local.infra.EmbeddedMongo;

/**
 * A real Kafka broker (KRaft) and mongo-java-server, both in the test JVM. No Docker
 * needed.
 */
final class EmbeddedTestInfrastructure implements TestInfrastructure {

	private static final Duration CONTEXTS_CLOSE_TIMEOUT = Duration.ofSeconds(20);

	private final EmbeddedMongo mongo;

	private final EmbeddedKafkaBroker kafka;

	EmbeddedTestInfrastructure() {
		try {
			this.mongo = EmbeddedMongo.inMemory(0);
			this.kafka = EmbeddedKafkaBroker.create(Files.createTempDirectory("kafka-test"), 0, 1).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			awaitContextsClosed();
			this.kafka.stop();
			this.mongo.close();
		}, "test-infrastructure-shutdown"));
	}

	/**
	 * Waits for the test JVM's application contexts to close, which their own shutdown
	 * hooks do at the same time as this one. Stopping the broker under their Kafka
	 * clients left them waiting for it until their close timeout (30 s), longer than
	 * Surefire waits for a test JVM to exit.
	 */
	private static void awaitContextsClosed() {
		long deadline = System.nanoTime() + CONTEXTS_CLOSE_TIMEOUT.toNanos();
		try {
			// The JVM starts the shutdown hooks one after the other.
			Thread.sleep(200);
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				String name = thread.getName();
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (thread != Thread.currentThread() && name.startsWith("Spring") && name.endsWith("ShutdownHook")
						&& left > 0) {
					thread.join(left);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String mongoUri() {
		return this.mongo.connectionString();
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	@Override
	public void stopKafka() {
		this.kafka.stop();
	}

	@Override
	public void startKafka() {
		this.kafka.start();
	}

}
