package com.chatsuite.testsupport;

import java.util.Locale;

/**
 * The one switch between embedded and container infrastructure for every integration test
 * of the build. The mode comes from the system property {@value #MODE_PROPERTY} or the
 * environment variable {@value #MODE_VARIABLE}: {@code embedded} (the default) or
 * {@code containers}. It is never guessed by probing Docker, which hangs for minutes on a
 * machine with a Docker client but no engine or no registry.
 * <p>
 * One broker and one store serve the whole test JVM, started on first use.
 */
public final class SuiteInfrastructure {

	/** The system property that selects the mode. */
	public static final String MODE_PROPERTY = "suite.test.infra";

	/** The environment variable that selects the mode when the property is absent. */
	public static final String MODE_VARIABLE = "SUITE_TEST_INFRA";

	private static volatile TestInfrastructure instance;

	private SuiteInfrastructure() {
	}

	/**
	 * The mode this JVM uses.
	 * @return {@code embedded} or {@code containers}
	 */
	public static String mode() {
		String mode = System.getProperty(MODE_PROPERTY);
		if (mode == null || mode.isBlank()) {
			mode = System.getenv(MODE_VARIABLE);
		}
		mode = (mode == null || mode.isBlank()) ? "embedded" : mode.trim().toLowerCase(Locale.ROOT);
		if (!mode.equals("embedded") && !mode.equals("containers")) {
			throw new IllegalStateException(MODE_PROPERTY + " must be 'embedded' or 'containers', not '" + mode + "'");
		}
		return mode;
	}

	/** The MongoDB connection string, without database. */
	public static String mongoUri() {
		return infrastructure().mongoUri();
	}

	/** The Kafka bootstrap servers. */
	public static String kafkaBootstrapServers() {
		return infrastructure().kafkaBootstrapServers();
	}

	/** Takes the broker away, as in an outage, keeping its data. */
	public static void stopKafka() {
		infrastructure().stopKafka();
	}

	/** Brings the broker back at the same address. */
	public static void startKafka() {
		infrastructure().startKafka();
	}

	private static TestInfrastructure infrastructure() {
		TestInfrastructure current = instance;
		if (current == null) {
			synchronized (SuiteInfrastructure.class) {
				current = instance;
				if (current == null) {
					current = mode().equals("containers") ? new ContainerTestInfrastructure()
							: new EmbeddedTestInfrastructure();
					instance = current;
				}
			}
		}
		return current;
	}

}
