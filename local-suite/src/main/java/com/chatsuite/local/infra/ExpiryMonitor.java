package com.chatsuite.local.infra;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires documents in the local store the way MongoDB's TTL monitor does, which
 * mongo-java-server has not: every interval, in every collection, each index with
 * {@code expireAfterSeconds} on one field deletes the documents whose date in that field
 * is older than that. The services declare such indexes for what they keep only for a
 * while (the inbox's processed event ids, partner-service's idempotency records); without
 * this, a local suite left running kept them all.
 */
public final class ExpiryMonitor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ExpiryMonitor.class);

	/** The store's own databases, which hold nothing of the services. */
	private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");

	private final MongoClient client;

	private final Clock clock;

	private final ScheduledExecutorService timer;

	ExpiryMonitor(String connectionString, Clock clock) {
		this.client = MongoClients.create(connectionString);
		this.clock = clock;
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "store-expiry");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Starts expiring documents of a store.
	 * @param store the store
	 * @param interval the time between two passes (MongoDB's: 60 s)
	 * @return the running monitor
	 */
	public static ExpiryMonitor start(EmbeddedMongo store, Duration interval) {
		ExpiryMonitor monitor = new ExpiryMonitor(store.connectionString(), Clock.systemUTC());
		monitor.timer.scheduleWithFixedDelay(monitor::passQuietly, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
		return monitor;
	}

	/**
	 * One pass over every collection.
	 * @return the documents deleted
	 */
	long pass() {
		long deleted = 0;
		for (String databaseName : this.client.listDatabaseNames()) {
			if (SYSTEM_DATABASES.contains(databaseName)) {
				continue;
			}
			MongoDatabase database = this.client.getDatabase(databaseName);
			for (String collectionName : database.listCollectionNames()) {
				deleted += expire(database.getCollection(collectionName));
			}
		}
		return deleted;
	}

	private long expire(MongoCollection<Document> collection) {
		long deleted = 0;
		for (Document index : collection.listIndexes()) {
			Object seconds = index.get("expireAfterSeconds");
			Document key = index.get("key", Document.class);
			if (!(seconds instanceof Number expireAfter) || key == null || key.size() != 1) {
				continue;
			}
			Date cutoff = Date.from(this.clock.instant().minusSeconds(expireAfter.longValue()));
			// $lt with a date matches dates only, as the TTL monitor expires only dates.
			deleted += collection.deleteMany(Filters.lt(key.keySet().iterator().next(), cutoff)).getDeletedCount();
		}
		return deleted;
	}

	private void passQuietly() {
		try {
			long deleted = pass();
			if (deleted > 0) {
				logger.debug("Expired {} documents", deleted);
			}
		}
		catch (RuntimeException ex) {
			// The next pass tries again; the store may be stopping.
			logger.warn("Could not expire documents: {}", ex.toString());
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		try {
			this.timer.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.client.close();
	}

}
