package com.chatsuite.testsupport;

/**
 * MongoDB and Kafka for integration tests, from one of two sources chosen once per test
 * JVM by {@link SuiteInfrastructure}.
 */
interface TestInfrastructure {

	/** A {@code mongodb://} connection string without database. */
	String mongoUri();

	/** The Kafka bootstrap servers. */
	String kafkaBootstrapServers();

	/** Makes the broker unreachable, as in an outage; data is kept. */
	void stopKafka();

	/** Makes the broker reachable again at the same address. */
	void startKafka();

}
