package com.chatsuite.local.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker running in this JVM in KRaft mode (one node acting as broker
 * and controller). Its log directory is formatted on first start and found again on the
 * next, so data survives a restart of the process when the directory is kept.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

	private static final String HOST = "127.0.0.1";

	private final Path logDir;

	private final int port;

	private final int controllerPort;

	private final int partitions;

	private KafkaRaftServer server;

	private EmbeddedKafkaBroker(Path logDir, int port, int controllerPort, int partitions) {
		this.logDir = logDir;
		this.port = port;
		this.controllerPort = controllerPort;
		this.partitions = partitions;
	}

	/**
	 * Creates a broker; nothing listens until {@link #start()}.
	 * @param logDir where the broker keeps its logs and metadata
	 * @param port the client port, 0 for a free one
	 * @param partitions default partition count of auto-created topics
	 * @return the broker
	 */
	public static EmbeddedKafkaBroker create(Path logDir, int port, int partitions) {
		int clientPort = (port != 0) ? port : freePort();
		return new EmbeddedKafkaBroker(logDir, clientPort, freePort(), partitions);
	}

	/**
	 * Formats the log directory if it is new and starts the broker. Safe to call again
	 * after {@link #stop()}: the broker comes back on the same ports with the same data.
	 * @return this broker
	 */
	public synchronized EmbeddedKafkaBroker start() {
		if (this.server != null) {
			return this;
		}
		KafkaConfig config = new KafkaConfig(serverProperties(), false);
		formatIfNew(config);
		KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
		raftServer.startup();
		this.server = raftServer;
		log.info("Kafka broker (KRaft) listening on {}", bootstrapServers());
		return this;
	}

	/**
	 * Stops the broker and waits until it has released its ports and files.
	 */
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		this.server.shutdown();
		this.server.awaitShutdown();
		this.server = null;
	}

	/**
	 * Tells whether the broker is running.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * The address clients connect to.
	 * @return {@code host:port}
	 */
	public String bootstrapServers() {
		return HOST + ":" + this.port;
	}

	@Override
	public void close() {
		stop();
	}

	private Properties serverProperties() {
		Properties props = new Properties();
		props.put("process.roles", "broker,controller");
		props.put("node.id", "1");
		props.put("controller.quorum.voters", "1@" + HOST + ":" + this.controllerPort);
		props.put("listeners",
				"PLAINTEXT://" + HOST + ":" + this.port + ",CONTROLLER://" + HOST + ":" + this.controllerPort);
		props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + this.port);
		props.put("controller.listener.names", "CONTROLLER");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("log.dirs", this.logDir.toAbsolutePath().toString());
		props.put("num.partitions", String.valueOf(this.partitions));
		props.put("auto.create.topics.enable", "true");
		// A single node: every internal topic has one replica and few partitions, which
		// also
		// keeps consumer-group start-up fast.
		props.put("offsets.topic.replication.factor", "1");
		props.put("offsets.topic.num.partitions", "1");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("transaction.state.log.num.partitions", "1");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		props.put("group.initial.rebalance.delay.ms", "0");
		// A development broker: few threads, so it starts quickly beside the
		// applications.
		props.put("num.network.threads", "1");
		props.put("num.io.threads", "2");
		props.put("background.threads", "2");
		props.put("num.recovery.threads.per.data.dir", "1");
		props.put("log.cleaner.threads", "1");
		// The cleaner's key map lives on the heap for the broker's whole life. Kafka's
		// default is 128 MB, a sixth of the launcher's heap, which the store shares; 16
		// MB
		// holds the keys of about 700,000 records of compacted topics, far more than a
		// development broker keeps.
		props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
		return props;
	}

	private void formatIfNew(KafkaConfig config) {
		try {
			Files.createDirectories(this.logDir);
			if (Files.exists(this.logDir.resolve("meta.properties"))) {
				return;
			}
			String dir = this.logDir.toAbsolutePath().toString();
			new Formatter().setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
				.setClusterId(Uuid.randomUuid().toString())
				.setNodeId(config.nodeId())
				.setDirectories(List.of(dir))
				.setMetadataLogDirectory(dir)
				.setControllerListenerName("CONTROLLER")
				.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
				.setSupportedFeatures(Feature.PRODUCTION_FEATURES)
				.setIgnoreFormatted(true)
				.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format Kafka log directory " + this.logDir, ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(HOST, 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
