package com.chatsuite.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import com.chatsuite.local.infra.EmbeddedKafkaBroker;
import com.chatsuite.local.infra.EmbeddedMongo;
import com.chatsuite.local.infra.ExpiryMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole suite on one machine: an Apache Kafka broker (KRaft) and a
 * MongoDB-compatible store in this JVM, then every application as its own JVM. Stops
 * everything on Ctrl-C or SIGTERM.
 */
public final class LocalSuite {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

	/** Demo credentials of the local run (SPEC section 8); never used outside it. */
	private static final String DEMO_PASSWORD = "demo-password";

	private static final String ADMIN_USER = "platform-admin";

	private static final String ADMIN_PASSWORD = "platform-admin-password";

	/** How long a child may take to stop before it is killed. */
	private static final Duration STOP_GRACE = Duration.ofSeconds(90);

	/** How often the store deletes what its TTL indexes expire (MongoDB: every 60 s). */
	private static final Duration EXPIRY_INTERVAL = Duration.ofSeconds(60);

	private final SuiteOptions options;

	private final Logger out;

	private final List<ChildProcess> children = new ArrayList<>();

	private final CountDownLatch stopped = new CountDownLatch(1);

	private EmbeddedMongo mongo;

	private ExpiryMonitor expiry;

	private EmbeddedKafkaBroker kafka;

	/** Keeps other runs off the data folder until this process ends. */
	private DataFolderLock dataFolder;

	/** auth-service's key-encryption key, kept in the data folder. */
	private String keyEncryptionKey;

	private LocalSuite(SuiteOptions options, Logger out) {
		this.options = options;
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		SuiteOptions options;
		try {
			options = SuiteOptions.parse(args, System.getenv());
		}
		catch (SuiteOptions.HelpRequested ex) {
			configureLogging(Path.of("var/logs"));
			LoggerFactory.getLogger("suite").info(SuiteOptions.USAGE);
			return;
		}
		catch (IllegalArgumentException ex) {
			configureLogging(Path.of("var/logs"));
			LoggerFactory.getLogger("suite").error("{}\n{}", ex.getMessage(), SuiteOptions.USAGE);
			System.exit(2);
			return;
		}
		Files.createDirectories(options.logsDir());
		configureLogging(options.logsDir());
		LocalSuite suite = new LocalSuite(options, LoggerFactory.getLogger("suite"));
		try {
			suite.dataFolder = DataFolderLock.acquire(options.dataDir());
		}
		catch (DataFolderLock.InUseException ex) {
			suite.out.error(ex.getMessage());
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "suite-shutdown"));
		try {
			suite.run(started);
		}
		catch (Exception | Error ex) {
			LoggerFactory.getLogger(LocalSuite.class).error("Suite failed to start", ex);
			suite.out.error("Suite failed to start: {} (details in {})", ex, options.logsDir().resolve("infra.log"));
			System.exit(1);
		}
		suite.stopped.await();
	}

	private void run(long started) throws Exception {
		if (this.options.wipe()) {
			this.out.info("Wiping {}", this.options.dataDir());
			try (Stream<Path> entries = Files.list(this.options.dataDir())) {
				for (Path entry : entries.toList()) {
					// The lock file stays: it is what keeps another run out meanwhile.
					if (!entry.getFileName().toString().equals(DataFolderLock.FILE_NAME)) {
						AppImage.deleteRecursively(entry);
					}
				}
			}
		}
		Files.createDirectories(this.options.dataDir());
		this.keyEncryptionKey = KeyEncryptionKeyFile.readOrCreate(this.options.dataDir());
		String java = ProcessHandle.current().info().command().orElse("java");
		prepareImages(java);
		long launched = System.nanoTime();
		this.mongo = EmbeddedMongo.persistent(this.options.dataDir().resolve("mongo/suite.mv"),
				this.options.mongoPort());
		this.expiry = ExpiryMonitor.start(this.mongo, EXPIRY_INTERVAL);
		this.kafka = EmbeddedKafkaBroker.create(this.options.dataDir().resolve("kafka"), this.options.kafkaPort(), 3);
		// The broker takes a few seconds to elect itself; the applications start
		// meanwhile and
		// connect as soon as it listens.
		CompletableFuture<Void> kafkaStarted = startInBackground(this.kafka::start);
		for (ServiceDefinition service : ServiceDefinition.ALL) {
			startChild(java, service);
		}
		kafkaStarted.join();
		awaitReady();
		double seconds = (System.nanoTime() - launched) / 1e9;
		double total = (System.nanoTime() - started) / 1e9;
		printBanner(seconds, total);
	}

	/**
	 * Runs a task on its own thread with this class's loader as context loader: Kafka
	 * loads configured classes through it, and a common-pool thread would not see the
	 * nested jars.
	 */
	private static CompletableFuture<Void> startInBackground(Runnable task) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				task.run();
				done.complete(null);
			}
			catch (RuntimeException | Error ex) {
				done.completeExceptionally(ex);
			}
		}, "kafka-start");
		thread.setContextClassLoader(LocalSuite.class.getClassLoader());
		thread.start();
		return done;
	}

	private void prepareImages(String java) throws Exception {
		Path log = this.options.logsDir().resolve("extract.log");
		boolean recording = false;
		for (ServiceDefinition service : ServiceDefinition.ALL) {
			AppImage image = AppImage.of(this.options.home(), service.module());
			image.prepare(java, log);
			recording |= image.recordsArchive();
		}
		if (recording) {
			this.out.info("First run of this build: recording class-data archives, saved when the suite stops;"
					+ " later starts are faster.");
		}
	}

	private void startChild(String java, ServiceDefinition service) throws IOException {
		AppImage image = AppImage.of(this.options.home(), service.module());
		List<String> command = new ArrayList<>(image.command(java, appJvmFlags()));
		command.add(command.size() - 2, "-Dsuite.parent-pid=" + ProcessHandle.current().pid());
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + this.options.portOf(service),
				"--spring.mongodb.uri=" + this.mongo.connectionString(),
				"--spring.kafka.bootstrap-servers=" + this.kafka.bootstrapServers()));
		Map<String, String> environment = new HashMap<>();
		if (service.module().equals("auth-service")) {
			// The demo data of SPEC section 8, for the local run only; overridable from
			// the
			// environment (SUITE_AUTH_PLATFORMADMIN_PASSWORD and friends).
			// Secrets go in the child's environment, not its command line (visible in
			// ps).
			arguments.add("--suite.auth.demo.enabled=true");
			environment.put("SUITE_AUTH_DEMO_PASSWORD", env("SUITE_AUTH_DEMO_PASSWORD", DEMO_PASSWORD));
			environment.put("SUITE_AUTH_KEYS_ENCRYPTIONKEY",
					env("SUITE_AUTH_KEYS_ENCRYPTIONKEY", this.keyEncryptionKey));
			environment.put("SUITE_AUTH_PLATFORMADMIN_USERNAME", env("SUITE_AUTH_PLATFORMADMIN_USERNAME", ADMIN_USER));
			environment.put("SUITE_AUTH_PLATFORMADMIN_PASSWORD",
					env("SUITE_AUTH_PLATFORMADMIN_PASSWORD", ADMIN_PASSWORD));
		}
		if (service.module().equals("partner-service")) {
			// Webhook receivers of a local run are plain-HTTP servers on this machine
			// (SPEC section 6); a deployment allows HTTPS to public addresses only.
			environment.put("SUITE_PARTNER_WEBHOOKS_ALLOWHTTP", env("SUITE_PARTNER_WEBHOOKS_ALLOWHTTP", "true"));
			environment.put("SUITE_PARTNER_WEBHOOKS_ALLOWEDHOSTS",
					env("SUITE_PARTNER_WEBHOOKS_ALLOWEDHOSTS", "127.0.0.1,localhost"));
		}
		if (service == ServiceDefinition.GATEWAY) {
			for (ServiceDefinition upstream : ServiceDefinition.SERVICES) {
				arguments.add("--suite.gateway.services." + upstream.module() + "=http://127.0.0.1:"
						+ this.options.portOf(upstream));
			}
		}
		Path log = this.options.logsDir().resolve(service.module() + ".log");
		synchronized (this.children) {
			this.children.add(ChildProcess.start(service.module(), this.options.portOf(service), command, arguments,
					environment, log));
		}
	}

	private void awaitReady() throws InterruptedException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		List<ChildProcess> waiting = new ArrayList<>(this.children);
		while (!waiting.isEmpty()) {
			for (ChildProcess child : List.copyOf(waiting)) {
				if (!child.isAlive()) {
					throw new IllegalStateException(child.name() + " exited during start-up; see " + child.log());
				}
				if (child.isReady()) {
					waiting.remove(child);
				}
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Not ready after " + READY_TIMEOUT.toSeconds() + " s: "
						+ waiting.stream().map(ChildProcess::name).toList() + "; see " + this.options.logsDir());
			}
			Thread.sleep(100); // allowed: the launcher's main thread polling readiness
		}
	}

	private void printBanner(double seconds, double total) {
		StringBuilder banner = new StringBuilder();
		banner.append(
				String.format(Locale.ROOT, "%nSuite ready in %.1f s (%.1f s including preparation)%n", seconds, total));
		int gateway = this.options.portOf(ServiceDefinition.GATEWAY);
		banner.append(String.format("  Gateway:   http://localhost:%d%n", gateway));
		banner.append(String.format("  API docs:  http://localhost:%d/docs%n", gateway));
		for (ChildProcess child : this.children) {
			banner.append(
					String.format("  %-24s http://127.0.0.1:%d (log %s)%n", child.name(), child.port(), child.log()));
		}
		banner.append(String.format("  Kafka:     %s%n", this.kafka.bootstrapServers()));
		banner.append(String.format("  MongoDB:   %s%n", this.mongo.connectionString()));
		banner.append(String.format("  Data:      %s%n", this.options.dataDir()));
		banner.append(String.format(
				"  Demo organisation: organisation_domain 'demo', email owner@demo.example,"
						+ " password %s, addons livechat, seller_buyer_chat_system, partner%n",
				env("SUITE_AUTH_DEMO_PASSWORD", DEMO_PASSWORD)));
		banner.append(
				String.format("  Platform admin:    %s / %s%n", env("SUITE_AUTH_PLATFORMADMIN_USERNAME", ADMIN_USER),
						env("SUITE_AUTH_PLATFORMADMIN_PASSWORD", ADMIN_PASSWORD)));
		banner.append("Press Ctrl-C to stop.");
		this.out.info(banner.toString());
	}

	private void stop() {
		List<ChildProcess> running;
		synchronized (this.children) {
			running = List.copyOf(this.children);
		}
		if (!running.isEmpty()) {
			this.out.info("Stopping {} application(s)...", running.size());
		}
		running.forEach(ChildProcess::requestStop);
		for (ChildProcess child : running) {
			try {
				// The first run after a build writes class-data archives on the way out:
				// wait for every child to end, however long that takes on a busy host.
				child.awaitStop(STOP_GRACE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.kafka != null) {
			this.kafka.stop();
		}
		if (this.expiry != null) {
			this.expiry.close();
		}
		if (this.mongo != null) {
			this.mongo.close();
		}
		this.out.info("Suite stopped.");
		this.stopped.countDown();
	}

	/**
	 * The applications' JVM flags: the quick-start development flags, or the flags of
	 * {@code SUITE_APP_JAVA_OPTS} (benchmarks run the full JIT with it).
	 */
	private static List<String> appJvmFlags() {
		String flags = env("SUITE_APP_JAVA_OPTS", "");
		return flags.isBlank() ? AppImage.DEV_JVM_FLAGS : List.of(flags.trim().split("\\s+"));
	}

	private static String env(String variable, String fallback) {
		String value = System.getenv(variable);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private static void configureLogging(Path logsDir) {
		System.setProperty("suite.logs", logsDir.toAbsolutePath().toString());
		System.setProperty("logback.configurationFile", "local-suite-logback.xml");
	}

}
