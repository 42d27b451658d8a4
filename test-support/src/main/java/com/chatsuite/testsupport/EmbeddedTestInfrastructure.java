package com.chatsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.chatsuite.local.infra.EmbeddedKafkaBroker;
import com.chatsuite.local.infra.EmbeddedMongo;

/**
 * A real Kafka broker (KRaft) and mongo-java-server, both in the test JVM. No Docker
 * needed.
 */
final class EmbeddedTestInfrastructure implements TestInfrastructure {

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
			this.kafka.stop();
			this.mongo.close();
		}, "test-infrastructure-shutdown"));
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
