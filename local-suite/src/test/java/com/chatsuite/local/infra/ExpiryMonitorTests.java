package com.chatsuite.local.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents past their TTL index's expiry are deleted, as MongoDB's TTL monitor does;
 * others stay.
 */
class ExpiryMonitorTests {

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	@Test
	void deletesTheDocumentsWhoseIndexedDateIsPastItsExpiry() {
		try (EmbeddedMongo store = EmbeddedMongo.inMemory(0);
				MongoClient client = MongoClients.create(store.connectionString());
				ExpiryMonitor monitor = new ExpiryMonitor(store.connectionString(), Clock.fixed(NOW, ZoneOffset.UTC))) {
			MongoCollection<Document> processed = client.getDatabase("some-service").getCollection("processed");
			processed.createIndex(Indexes.ascending("processedAt"),
					new IndexOptions().expireAfter(Duration.ofDays(7).toSeconds(), TimeUnit.SECONDS));
			processed.insertMany(List.of(document("old", NOW.minus(Duration.ofDays(8))),
					document("recent", NOW.minus(Duration.ofDays(6))),
					new Document("_id", "not-a-date").append("processedAt", "2020-01-01"),
					new Document("_id", "no-date")));
			MongoCollection<Document> kept = client.getDatabase("other-service").getCollection("kept");
			kept.createIndex(Indexes.ascending("processedAt"));
			kept.insertOne(document("old-without-ttl", NOW.minus(Duration.ofDays(30))));

			assertThat(monitor.pass()).isEqualTo(1);

			assertThat(ids(processed)).containsExactlyInAnyOrder("recent", "not-a-date", "no-date");
			assertThat(ids(kept)).containsExactly("old-without-ttl");
			assertThat(monitor.pass()).isZero();
		}
	}

	private static Document document(String id, Instant processedAt) {
		return new Document("_id", id).append("processedAt", Date.from(processedAt));
	}

	private static List<Object> ids(MongoCollection<Document> collection) {
		return collection.find().map((document) -> document.get("_id")).into(new ArrayList<>());
	}

}
