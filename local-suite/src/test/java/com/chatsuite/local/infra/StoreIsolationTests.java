package com.chatsuite.local.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document is read either before or after an update, never half-way: mongo-java-server
 * applies an update by copying the new values into the stored document one field at a
 * time while readers may be encoding that same object, so a reader could see a new
 * balance with an old version (and an optimistic lock then lost an update).
 */
class StoreIsolationTests {

	private static final int UPDATES = 1000;

	@TempDir
	Path dataDir;

	@Test
	void inMemoryStoreNeverAnswersAHalfUpdatedDocument() throws Exception {
		try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			check(client.getDatabase("check").getCollection("ledgers"));
		}
	}

	@Test
	void fileStoreNeverAnswersAHalfUpdatedDocument() throws Exception {
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(this.dataDir.resolve("mongo/suite.mv"), 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			check(client.getDatabase("check").getCollection("ledgers"));
		}
	}

	private static void check(MongoCollection<Document> ledgers) throws Exception {
		// The two fields that must agree, far apart in the document.
		Document ledger = new Document("_id", "ledger").append("first", 0);
		for (int i = 0; i < 400; i++) {
			ledger.append("filler" + i, "x".repeat(20));
		}
		ledger.append("last", 0);
		ledgers.insertOne(ledger);

		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> writer = threads.submit(() -> {
				try {
					for (int n = 1; n <= UPDATES; n++) {
						if (n % 2 == 0) {
							ledgers.updateOne(Filters.eq("_id", "ledger"),
									Updates.combine(Updates.set("first", n), Updates.set("last", n)));
						}
						else {
							ledgers.findOneAndUpdate(Filters.eq("_id", "ledger"),
									Updates.combine(Updates.set("first", n), Updates.set("last", n)),
									new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
						}
					}
				}
				finally {
					writing.set(false);
				}
			});
			List<Future<List<String>>> readers = new ArrayList<>();
			for (int r = 0; r < 1; r++) {
				readers.add(threads.submit(() -> {
					List<String> torn = new ArrayList<>();
					while (writing.get()) {
						Document read = ledgers.find(Filters.eq("_id", "ledger")).first();
						if (!read.get("first").equals(read.get("last"))) {
							torn.add(read.get("first") + "/" + read.get("last"));
						}
					}
					return torn;
				}));
			}
			writer.get();
			for (Future<List<String>> reader : readers) {
				assertThat(reader.get()).as("reads that saw half an update").isEmpty();
			}
			Document last = ledgers.find(Filters.eq("_id", "ledger")).first();
			assertThat(last.getInteger("first")).isEqualTo(UPDATES);
			assertThat(last.getInteger("last")).isEqualTo(UPDATES);
		}
		finally {
			threads.shutdownNow();
		}
	}

}
