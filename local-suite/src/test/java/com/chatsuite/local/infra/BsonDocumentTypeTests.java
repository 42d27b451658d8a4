package com.chatsuite.local.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 file's BSON documents: every BSON type the services store comes back as it went
 * in after a restart, and a file written by mongo-java-server's own H2 backend (Java
 * serialisation) is read, changed and read again.
 */
class BsonDocumentTypeTests {

	@TempDir
	Path dataDir;

	@Test
	void documentsComeBackAsTheyWereStoredAfterARestart() {
		Path file = this.dataDir.resolve("mongo/suite.mv");
		Document stored = everyType("a");
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			things(client).insertOne(stored);
		}
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			assertThat(things(client).find(Filters.eq("_id", "a")).first()).isEqualTo(stored);
		}
	}

	@Test
	void aFileOfTheEarlierFormatIsReadAndItsDocumentsRewrittenWhenTheyChange() throws Exception {
		Path file = this.dataDir.resolve("mongo/suite.mv");
		Files.createDirectories(file.getParent());
		List<Document> earlier = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			earlier.add(everyType("earlier-" + i));
		}
		H2Backend plain = new H2Backend(file.toString());
		MongoServer server = new MongoServer(plain);
		try {
			server.bind("127.0.0.1", 0);
			try (MongoClient client = MongoClients
				.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
				things(client).insertMany(earlier);
			}
		}
		finally {
			server.shutdown();
			plain.close();
		}

		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> things = things(client);
			assertThat(things.find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(earlier);
			things.updateOne(Filters.eq("_id", "earlier-7"), Updates.set("changed", true));
			things.insertOne(everyType("later"));
		}
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> things = things(client);
			assertThat(things.countDocuments()).isEqualTo(301);
			assertThat(things.find(Filters.eq("_id", "earlier-7")).first())
				.isEqualTo(new Document(earlier.get(7)).append("changed", true));
			assertThat(things.find(Filters.eq("_id", "earlier-8")).first()).isEqualTo(earlier.get(8));
			assertThat(things.find(Filters.eq("_id", "later")).first()).isEqualTo(everyType("later"));
		}
	}

	private static MongoCollection<Document> things(MongoClient client) {
		return client.getDatabase("check").getCollection("things");
	}

	private static Document everyType(String id) {
		return new Document("_id", id).append("text", "żółw " + id)
			.append("int", 42)
			.append("long", 1L << 40)
			.append("double", 2.5)
			.append("decimal", Decimal128.parse("12.345"))
			.append("yes", true)
			.append("nothing", null)
			.append("at", Date.from(Instant.parse("2026-12-02T03:04:05.678Z")))
			.append("objectId", new ObjectId("5f1d7f3e9c1b2a3d4e5f6a7b"))
			.append("binary", new Binary(new byte[] { 1, 2, 3 }))
			.append("nested", new Document("list", List.of(1, "two", new Document("three", 3.0))))
			.append("empty", List.of());
	}

}
