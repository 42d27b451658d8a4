package com.chatsuite.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local run is told by its command line and environment.
 *
 * @param home the repository checkout holding the built modules
 * @param dataDir where Kafka and the store keep their data ({@code --data-dir},
 * {@code SUITE_DATA_DIR})
 * @param logsDir where each process writes its log ({@code --logs-dir},
 * {@code SUITE_LOGS_DIR})
 * @param wipe delete the data folder before starting ({@code --wipe})
 * @param kafkaPort Kafka client port ({@code KAFKA_PORT})
 * @param mongoPort store port ({@code MONGO_PORT})
 * @param ports the port of every application by module name
 */
record SuiteOptions(Path home, Path dataDir, Path logsDir, boolean wipe, int kafkaPort, int mongoPort,
		Map<String, Integer> ports) {

	static final String USAGE = """
			Usage: run-local.sh [--data-dir DIR] [--logs-dir DIR] [--wipe] [--help]
			  --data-dir DIR  where Kafka and MongoDB data live (env SUITE_DATA_DIR, default var/data)
			  --logs-dir DIR  one log file per process (env SUITE_LOGS_DIR, default var/logs)
			  --wipe          delete the data folder first and start from nothing
			Ports: GATEWAY_PORT (8080), AUTH_SERVICE_PORT (8081), OPERATOR_DOMAIN_SERVICE_PORT (8082),
			  PARTNER_SERVICE_PORT (8083), TICKET_SERVICE_PORT (8084), CHAT_ROOM_SERVICE_PORT (8085),
			  KAFKA_PORT (9092), MONGO_PORT (27017).""";

	static SuiteOptions parse(String[] args, Map<String, String> env) {
		Path home = Path.of(env.getOrDefault("SUITE_HOME", ".")).toAbsolutePath().normalize();
		Path dataDir = pathFrom(env.get("SUITE_DATA_DIR"), home.resolve("var/data"));
		Path logsDir = pathFrom(env.get("SUITE_LOGS_DIR"), home.resolve("var/logs"));
		boolean wipe = false;
		List<String> rest = new ArrayList<>(List.of(args));
		while (!rest.isEmpty()) {
			String arg = rest.remove(0);
			switch (arg) {
				case "--data-dir" -> dataDir = Path.of(valueOf(arg, rest)).toAbsolutePath();
				case "--logs-dir" -> logsDir = Path.of(valueOf(arg, rest)).toAbsolutePath();
				case "--wipe" -> wipe = true;
				case "--help", "-h" -> throw new HelpRequested();
				default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
			}
		}
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (ServiceDefinition service : ServiceDefinition.ALL) {
			ports.put(service.module(), port(env, service.portVariable(), service.defaultPort()));
		}
		return new SuiteOptions(home, dataDir, logsDir, wipe, port(env, "KAFKA_PORT", 9092),
				port(env, "MONGO_PORT", 27017), ports);
	}

	/** Thrown when the user asked for the usage text. */
	static final class HelpRequested extends IllegalArgumentException {

		HelpRequested() {
			super("");
		}

	}

	int portOf(ServiceDefinition service) {
		return this.ports.get(service.module());
	}

	private static String valueOf(String option, List<String> rest) {
		if (rest.isEmpty() || rest.get(0).startsWith("--")) {
			throw new IllegalArgumentException("Option " + option + " needs a value");
		}
		return rest.remove(0);
	}

	private static Path pathFrom(String value, Path fallback) {
		return (value == null || value.isBlank()) ? fallback : Path.of(value).toAbsolutePath();
	}

	private static int port(Map<String, String> env, String variable, int fallback) {
		String value = env.get(variable);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value.trim());
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(variable + " must be a port number (1-65535), not '" + value + "'");
		}
	}

}
