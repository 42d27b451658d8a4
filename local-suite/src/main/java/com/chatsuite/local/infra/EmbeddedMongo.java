package com.chatsuite.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) in this JVM, reached by the real
 * MongoDB driver. Backed by an H2 file when given one (data survives a restart), in
 * memory otherwise.
 * <p>
 * Without an oplog, so without change streams, which no service uses: the oplog is one
 * collection behind one lock that every write of every database goes through, and it
 * grows without bound. With it, the chat benchmark's writes queued for tens of
 * milliseconds each behind that lock (bench/chat-bench.sh).
 * <p>
 * A query naming a document by {@code _id} (or another uniquely indexed field) among
 * other conditions finds it through that index, as MongoDB does ({@link KeyLookup});
 * mongo-java-server alone reads the whole collection for it.
 */
public final class EmbeddedMongo implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private final MongoServer server;

	private final MongoBackend backend;

	private final int port;

	private EmbeddedMongo(MongoBackend backend, int port) {
		this.backend = backend;
		this.server = new MongoServer(backend);
		this.server.bind(HOST, port);
		this.port = this.server.getLocalAddress().getPort();
	}

	/**
	 * Starts a store persisting to an H2 file.
	 * @param file the database file; its folder is created when missing
	 * @param port the port, 0 for a free one
	 * @return the running store
	 */
	public static EmbeddedMongo persistent(Path file, int port) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new EmbeddedMongo(IndexedBackends.h2(file.toAbsolutePath().toString()), port);
	}

	/**
	 * Starts a store that keeps everything in memory.
	 * @param port the port, 0 for a free one
	 * @return the running store
	 */
	public static EmbeddedMongo inMemory(int port) {
		return new EmbeddedMongo(IndexedBackends.inMemory(), port);
	}

	/**
	 * The connection string for the MongoDB driver.
	 * @return a {@code mongodb://} URI without database
	 */
	public String connectionString() {
		return "mongodb://" + HOST + ":" + this.port;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.backend.close();
	}

}
