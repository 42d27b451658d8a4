package com.chatsuite.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.chatsuite.local.ChildProcess;
import com.chatsuite.testsupport.SuiteInfrastructure;

/**
 * Every service and the gateway started from their built jars as separate processes, over
 * the test infrastructure, once per test JVM: the suite as it runs, reached through the
 * gateway.
 */
final class RunningSuite {

	static final String ADMIN_USER = "e2e-admin";

	static final String ADMIN_PASSWORD = "e2e-admin-password";

	static final String DEMO_PASSWORD = "e2e-demo-password";

	/** auth-service's key-encryption key for the signing keys, test only. */
	private static final String KEY_ENCRYPTION_KEY = "ZTJlLW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYiE=";

	/**
	 * The services behind the gateway besides auth-service, each with a database of its
	 * own.
	 */
	private static final List<String> SERVICES = List.of("operator-domain-service", "partner-service", "ticket-service",
			"chat-room-service");

	/**
	 * partner-service delivers webhooks to the tests' plain-HTTP receivers on this
	 * machine, and retries after seconds.
	 */
	private static final List<String> PARTNER_ARGUMENTS = List.of("--suite.partner.webhooks.allow-http=true",
			"--suite.partner.webhooks.allowed-hosts=127.0.0.1", "--suite.partner.webhooks.retry-schedule=1s,2s,5s",
			"--suite.partner.webhooks.poll-interval=200ms");

	private static final Random random = new Random();

	/** Ports already given to a process of this suite. */
	private static final Set<Integer> handedOut = new HashSet<>();

	private static RunningSuite instance;

	private final int gatewayPort;

	private final List<ChildProcess> processes = new ArrayList<>();

	private RunningSuite() throws IOException {
		Path root = Path.of("..").toAbsolutePath().normalize();
		Path logs = Files.createDirectories(Path.of("target/suite-logs"));
		int authPort = freePort();
		this.gatewayPort = freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> infrastructure = List.of("--spring.mongodb.uri=" + SuiteInfrastructure.mongoUri(),
				"--spring.kafka.bootstrap-servers=" + SuiteInfrastructure.kafkaBootstrapServers());
		List<String> authArguments = new ArrayList<>(infrastructure);
		authArguments.addAll(List.of("--server.port=" + authPort, "--spring.mongodb.database=auth-e2e",
				"--suite.auth.demo.enabled=true"));
		this.processes
			.add(ChildProcess.start("auth-service", authPort, command(java, root, "auth-service"), authArguments,
					Map.of("SUITE_AUTH_PLATFORMADMIN_USERNAME", ADMIN_USER, "SUITE_AUTH_PLATFORMADMIN_PASSWORD",
							ADMIN_PASSWORD, "SUITE_AUTH_DEMO_PASSWORD", DEMO_PASSWORD, "SUITE_AUTH_KEYS_ENCRYPTIONKEY",
							KEY_ENCRYPTION_KEY),
					logs.resolve("auth-service.log")));
		String jwks = "--suite.security.jwks-uri=http://127.0.0.1:" + authPort + "/.well-known/jwks.json";
		List<String> gatewayArguments = new ArrayList<>(infrastructure);
		gatewayArguments
			.addAll(List.of("--server.port=" + this.gatewayPort, "--suite.gateway.metrics.port=" + freePort(),
					"--suite.gateway.services.auth-service=http://127.0.0.1:" + authPort, jwks));
		for (String service : SERVICES) {
			int port = freePort();
			List<String> arguments = new ArrayList<>(infrastructure);
			arguments.addAll(List.of("--server.port=" + port, "--spring.mongodb.database=" + service + "-e2e", jwks));
			if (service.equals("partner-service")) {
				arguments.addAll(PARTNER_ARGUMENTS);
			}
			Map<String, String> environment = Map.of();
			if (service.equals("ticket-service")) {
				// Logs as in Kubernetes: JSON (ECS), with a line per event consumed, so
				// TracingEndToEndTests can find the consumer's trace id in it.
				environment = Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
				arguments.add("--logging.level.com.chatsuite.support.events.EventInbox=DEBUG");
			}
			if (service.equals("operator-domain-service")) {
				// The widget embed snippet it hands out loads the widget from this
				// gateway.
				arguments.add("--suite.directory.gateway-url=http://127.0.0.1:" + this.gatewayPort);
			}
			this.processes.add(ChildProcess.start(service, port, command(java, root, service), arguments, environment,
					logs.resolve(service + ".log")));
			gatewayArguments.add("--suite.gateway.services." + service + "=http://127.0.0.1:" + port);
		}
		this.processes.add(ChildProcess.start("gateway", this.gatewayPort, command(java, root, "gateway"),
				gatewayArguments, Map.of(), logs.resolve("gateway.log")));
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "running-suite-stop"));
		awaitReady();
	}

	/** The suite, started on first use. */
	static synchronized RunningSuite get() {
		if (instance == null) {
			try {
				instance = new RunningSuite();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

	String gatewayUrl() {
		return "http://127.0.0.1:" + this.gatewayPort;
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		for (ChildProcess process : this.processes) {
			while (!process.isReady()) {
				if (!process.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException(process.name() + " did not become ready; see " + process.log());
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	private void stop() {
		this.processes.forEach(ChildProcess::requestStop);
		for (ChildProcess process : this.processes) {
			try {
				process.awaitStop(Duration.ofSeconds(15));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static List<String> command(String java, Path root, String module) throws IOException {
		Path target = root.resolve(module).resolve("target");
		try (var files = Files.list(target)) {
			Path jar = files
				.filter((file) -> file.getFileName().toString().matches(module + "-[0-9].*\\.jar")
						&& !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(module + " is not packaged in " + target));
			return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar.toString());
		}
	}

	/**
	 * A free port below the kernel's ephemeral range (32768 and up on Linux), for a child
	 * process to bind a moment later. A port from the ephemeral range could be taken in
	 * that moment by any outgoing connection (Kafka and MongoDB clients open many while
	 * the suite starts); below it, only by another listener choosing it explicitly.
	 */
	private static synchronized int freePort() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = 20_000 + random.nextInt(12_000);
			if (handedOut.contains(port)) {
				continue;
			}
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress("127.0.0.1", port));
				handedOut.add(port);
				return port;
			}
			catch (IOException ex) {
				// Taken: try another.
			}
		}
		throw new IllegalStateException("No free port between 20000 and 32000");
	}

}
