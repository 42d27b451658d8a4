package com.chatsuite.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * MongoDB (a one-node replica set) and Apache Kafka from Testcontainers, for machines
 * with a working Docker engine and registry. Chosen only when asked for explicitly.
 */
final class ContainerTestInfrastructure implements TestInfrastructure {

	static final String MONGO_IMAGE = "mongo:8.0";

	static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

	private final MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);

	private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);

	ContainerTestInfrastructure() {
		this.mongo.start();
		this.kafka.start();
	}

	@Override
	public String mongoUri() {
		return this.mongo.getConnectionString();
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public void stopKafka() {
		// Pausing keeps the mapped port, so clients find the broker again afterwards.
		DockerClientFactory.instance().client().pauseContainerCmd(this.kafka.getContainerId()).exec();
	}

	@Override
	public void startKafka() {
		DockerClientFactory.instance().client().unpauseContainerCmd(this.kafka.getContainerId()).exec();
	}

}
