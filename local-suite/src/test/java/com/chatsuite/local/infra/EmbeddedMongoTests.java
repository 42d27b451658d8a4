package com.chatsuite.local.infra;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoTests {

	@TempDir
	Path dataDir;

	@Test
	void persistentStoreFindsItsDataAgainAfterARestart() {
		Path file = this.dataDir.resolve("mongo/suite.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			client.getDatabase("check").getCollection("things").insertOne(new Document("_id", "a").append("v", 1));
		}
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			Document found = client.getDatabase("check").getCollection("things").find(new Document("_id", "a")).first();
			assertThat(found).isNotNull();
			assertThat(found.getInteger("v")).isEqualTo(1);
		}
	}

}
