package com.chatsuite.local.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Queries that name a document by {@code _id} or another uniquely indexed field among
 * other conditions answer exactly what they answer without the index, in both backends,
 * also for collections opened again from a file.
 */
class KeyLookupTests {

	@TempDir
	Path dataDir;

	@Test
	void inMemoryStoreAnswersIdQueriesWithConditionsExactly() {
		try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			checkQueries(client.getDatabase("check").getCollection("things"));
		}
	}

	@Test
	void fileStoreAnswersIdQueriesWithConditionsExactlyAlsoAfterARestart() {
		Path file = this.dataDir.resolve("mongo/suite.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			checkQueries(client.getDatabase("check").getCollection("things"));
		}
		try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> things = client.getDatabase("check").getCollection("things");
			assertThat(things.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 2))).first())
				.containsEntry("v", 10);
			assertThat(things.find(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1))).first()).isNull();
			assertThat(ids(things, Filters.and(Filters.eq("key", "ka"), Filters.eq("version", 2))))
				.containsExactly("a");
			assertThat(ids(things, Filters.and(Filters.eq("key", "ka"), Filters.eq("version", 1)))).isEmpty();
			// The secondary index is built again from the documents when the store opens.
			assertThat(ids(things, Filters.eq("status", "done"))).containsExactlyInAnyOrder("b", "n5", "n6");
			assertThat(ids(things, Filters.and(Filters.eq("status", "pending"), Filters.eq("version", 1)))).hasSize(47);
			// The unique indexes are kept in memory and built again too: they still
			// refuse.
			assertThat(ids(things, Filters.eq("_id", "n7"))).containsExactly("n7");
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> things.insertOne(new Document("_id", "n7").append("key", "fresh")))
				.satisfies((ex) -> assertThat(ex.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> things.insertOne(new Document("_id", "fresh").append("key", "kn7")))
				.satisfies((ex) -> assertThat(ex.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
			assertThat(things.countDocuments(Filters.eq("_id", "fresh"))).isZero();
			checkQueries(client.getDatabase("check").getCollection("others"));
		}
	}

	@Test
	void narrowsQueriesNamingIdsAmongOtherConditionsToTheIndexedDocuments() {
		MemoryUniqueIndex index = new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false);
		for (int position = 0; position < 100; position++) {
			index.add(new de.bwaldvogel.mongo.bson.Document("_id", "d" + position), position, null);
		}
		KeyLookup<Integer> lookup = new KeyLookup<>();
		lookup.added(new MemoryUniqueIndex("other", List.of(new IndexKey("email", true)), false));
		assertThat(lookup.candidates(query("_id", "d7", "version", 1), "_id")).isNull();
		lookup.added(index);

		assertThat(lookup.candidates(query("_id", "d7", "version", 1), "_id")).containsExactly(7);
		assertThat(lookup.candidates(query("_id", "zz", "version", 1), "_id")).isEmpty();
		assertThat(lookup.candidates(
				query("_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("d3", "d9", "zz")), "status", "x"),
				"_id"))
			.containsExactlyInAnyOrder(3, 9);
		// Left to the store: _id alone (its own index path), operators, another id field.
		assertThat(lookup.candidates(new de.bwaldvogel.mongo.bson.Document("_id", "d7"), "_id")).isNull();
		assertThat(lookup.candidates(query("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "d7"), "version", 1),
				"_id"))
			.isNull();
		assertThat(lookup.candidates(query("_id", "d7", "version", 1), "name")).isNull();
		assertThat(lookup.candidates(query("status", "x", "version", 1), "_id")).isNull();

		// The driver's form: a top-level $and with a clause on _id.
		de.bwaldvogel.mongo.bson.Document and = new de.bwaldvogel.mongo.bson.Document("$and",
				List.of(new de.bwaldvogel.mongo.bson.Document("version", 1),
						new de.bwaldvogel.mongo.bson.Document("_id", "d4")));
		assertThat(lookup.candidates(and, "_id")).containsExactly(4);
		assertThat(
				lookup
					.candidates(
							new de.bwaldvogel.mongo.bson.Document("$and",
									List.of(new de.bwaldvogel.mongo.bson.Document("version", 1),
											new de.bwaldvogel.mongo.bson.Document("_id",
													new de.bwaldvogel.mongo.bson.Document("$ne", "d4")))),
							"_id"))
			.isNull();

		lookup.dropped("_id_");
		assertThat(lookup.candidates(query("_id", "d7", "version", 1), "_id")).isNull();

		// Another field with a unique index of its own: a ticket found by its room.
		MemoryUniqueIndex rooms = new MemoryUniqueIndex("room_1", List.of(new IndexKey("room", true)), false);
		for (int position = 0; position < 100; position++) {
			rooms.add(new de.bwaldvogel.mongo.bson.Document("room", "r" + position), position, null);
		}
		lookup.added(rooms);
		assertThat(lookup.candidates(query("room", "r5", "sequence", new de.bwaldvogel.mongo.bson.Document("$lt", 3)),
				"_id"))
			.containsExactly(5);
		assertThat(
				lookup.candidates(
						new de.bwaldvogel.mongo.bson.Document("$and",
								List.of(new de.bwaldvogel.mongo.bson.Document("sequence", 2),
										new de.bwaldvogel.mongo.bson.Document("room", "r8"))),
						"_id"))
			.containsExactly(8);
		assertThat(lookup.candidates(query("room", null, "sequence", 1), "_id")).isNull();
		assertThat(lookup.candidates(new de.bwaldvogel.mongo.bson.Document("room", "r5"), "_id")).isNull();
		lookup.dropped("room_1");
		assertThat(lookup.candidates(query("room", "r5", "sequence", 1), "_id")).isNull();
	}

	@Test
	void narrowsEqualitiesOnASecondaryIndexsFirstFieldToTheDocumentsThatCanMatch() {
		EqualityIndex<Integer> statuses = new EqualityIndex<>("status_1_due_1",
				List.of(new IndexKey("status", true), new IndexKey("due", true)), false);
		KeyLookup<Integer> lookup = new KeyLookup<>();
		lookup.added(statuses);
		for (int position = 0; position < 100; position++) {
			statuses.add(new de.bwaldvogel.mongo.bson.Document("_id", "d" + position).append("status",
					(position % 10 == 0) ? "pending" : "done"), position, null);
		}
		statuses.add(new de.bwaldvogel.mongo.bson.Document("_id", "odd").append("status", 7), 100, null);

		assertThat(lookup
			.candidates(query("status", "pending", "due", new de.bwaldvogel.mongo.bson.Document("$lte", 5)), "_id"))
			.containsExactlyInAnyOrder(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
		assertThat(lookup.candidates(new de.bwaldvogel.mongo.bson.Document("status", "gone"), "_id"))
			.containsExactly(100);
		statuses.updateInPlace(new de.bwaldvogel.mongo.bson.Document("_id", "d10").append("status", "pending"),
				new de.bwaldvogel.mongo.bson.Document("_id", "d10").append("status", "done"), 10, null);
		statuses.remove(new de.bwaldvogel.mongo.bson.Document("_id", "d20").append("status", "pending"));
		assertThat(lookup.candidates(new de.bwaldvogel.mongo.bson.Document("status",
				new de.bwaldvogel.mongo.bson.Document("$in", List.of("pending", "gone"))), "_id"))
			.containsExactlyInAnyOrder(0, 30, 40, 50, 60, 70, 80, 90, 100);
		// Left to the store: other operators, non-string values, other fields.
		assertThat(lookup.candidates(
				new de.bwaldvogel.mongo.bson.Document("status", new de.bwaldvogel.mongo.bson.Document("$ne", "done")),
				"_id"))
			.isNull();
		assertThat(lookup.candidates(new de.bwaldvogel.mongo.bson.Document("status", 7), "_id")).isNull();
		assertThat(lookup.candidates(new de.bwaldvogel.mongo.bson.Document("due", 3), "_id")).isNull();
		lookup.dropped("status_1_due_1");
		assertThat(lookup.candidates(new de.bwaldvogel.mongo.bson.Document("status", "pending"), "_id")).isNull();
	}

	@Test
	void narrowsEqualitiesOnASecondaryIndexsFirstTwoFieldsAndTakesTheIndexLeavingTheFewest() {
		EqualityIndex<Integer> queue = new EqualityIndex<>("org_status",
				List.of(new IndexKey("org", true), new IndexKey("status", true)), false);
		EqualityIndex<Integer> held = new EqualityIndex<>("agent_status",
				List.of(new IndexKey("agent", true), new IndexKey("status", true)), false);
		KeyLookup<Integer> lookup = new KeyLookup<>();
		lookup.added(queue);
		lookup.added(held);
		// 100 tickets of one organisation, 10 of them waiting, the others held by 4
		// agents.
		for (int position = 0; position < 100; position++) {
			de.bwaldvogel.mongo.bson.Document ticket = new de.bwaldvogel.mongo.bson.Document("_id", "t" + position)
				.append("org", "o1")
				.append("agent", "a" + (position % 4))
				.append("status", (position < 10) ? "QUEUED" : "ASSIGNED");
			queue.add(ticket, position, null);
			held.add(ticket, position, null);
		}
		// A status that is no key: looked at for every lookup of its organisation.
		de.bwaldvogel.mongo.bson.Document odd = new de.bwaldvogel.mongo.bson.Document("_id", "odd").append("org", "o1")
			.append("agent", "a9")
			.append("status", 7);
		queue.add(odd, 100, null);
		held.add(odd, 100, null);

		assertThat(lookup.candidates(query("org", "o1", "status", "QUEUED"), "_id")).containsExactlyInAnyOrder(0, 1, 2,
				3, 4, 5, 6, 7, 8, 9, 100);
		assertThat(lookup.candidates(
				query("org", "o1", "status", new de.bwaldvogel.mongo.bson.Document("$in", List.of("QUEUED", "GONE"))),
				"_id"))
			.hasSize(11);
		// Both indexes apply; the agent's leaves 22 documents against the organisation's
		// 91.
		de.bwaldvogel.mongo.bson.Document agentsAssigned = query("org", "o1", "agent", "a1").append("status",
				"ASSIGNED");
		assertThat(lookup.candidates(agentsAssigned, "_id")).hasSize(22).allMatch((position) -> position % 4 == 1);
		// The second field alone or with an operator: the first field only.
		assertThat(lookup.candidates(query("org", "o1", "status", new de.bwaldvogel.mongo.bson.Document("$ne", "x")),
				"_id"))
			.hasSize(101);
		assertThat(lookup.candidates(new de.bwaldvogel.mongo.bson.Document("status", "QUEUED"), "_id")).isNull();

		// A ticket assigned leaves the queue's pair; a removed one leaves the index.
		de.bwaldvogel.mongo.bson.Document waiting = new de.bwaldvogel.mongo.bson.Document("_id", "t3")
			.append("org", "o1")
			.append("agent", "a3")
			.append("status", "QUEUED");
		queue.updateInPlace(waiting, new de.bwaldvogel.mongo.bson.Document(waiting).append("status", "ASSIGNED"), 3,
				null);
		queue.remove(new de.bwaldvogel.mongo.bson.Document("_id", "t4").append("org", "o1").append("status", "QUEUED"));
		queue.remove(odd);
		assertThat(lookup.candidates(query("org", "o1", "status", "QUEUED"), "_id")).containsExactlyInAnyOrder(0, 1, 2,
				5, 6, 7, 8, 9);
		assertThat(lookup.candidates(new de.bwaldvogel.mongo.bson.Document("org", "o1"), "_id")).hasSize(99);
	}

	private static de.bwaldvogel.mongo.bson.Document query(String key, Object value, String otherKey,
			Object otherValue) {
		return new de.bwaldvogel.mongo.bson.Document(key, value).append(otherKey, otherValue);
	}

	private static void checkQueries(MongoCollection<Document> things) {
		things.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
		things.createIndex(Indexes.ascending("status", "version"));
		things.insertOne(new Document("_id", "a").append("key", "ka")
			.append("version", 1)
			.append("status", "pending")
			.append("v", 1));
		things.insertOne(new Document("_id", "b").append("key", "kb")
			.append("version", 1)
			.append("status", "done")
			.append("v", 2));
		for (int i = 0; i < 50; i++) {
			things.insertOne(new Document("_id", "n" + i).append("key", "kn" + i)
				.append("version", 1)
				.append("status", "pending"));
		}

		// By another uniquely indexed field among conditions, in both forms.
		assertThat(ids(things, Filters.and(Filters.eq("key", "ka"), Filters.eq("status", "pending"))))
			.containsExactly("a");
		assertThat(ids(things, Filters.and(Filters.eq("key", "kb"), Filters.eq("status", "pending")))).isEmpty();
		assertThat(ids(things, Filters.and(Filters.eq("key", "zz"), Filters.eq("status", "pending")))).isEmpty();
		assertThat(ids(things, Filters.and(Filters.in("key", "ka", "kb", "zz"), Filters.eq("version", 1))))
			.containsExactlyInAnyOrder("a", "b");
		assertThat(ids(things, Filters.and(Filters.eq("key", "kn3"), Filters.lt("version", 2)))).containsExactly("n3");
		assertThat(
				things.updateOne(Filters.and(Filters.eq("key", "kn2"), Filters.lt("version", 2)), Updates.inc("v", 1))
					.getModifiedCount())
			.isOne();
		assertThat(
				things.updateOne(Filters.and(Filters.eq("key", "kn2"), Filters.gt("version", 1)), Updates.inc("v", 1))
					.getModifiedCount())
			.isZero();

		// Found by id and condition; not found when the condition fails or the id is
		// unknown.
		assertThat(ids(things, Filters.and(Filters.eq("_id", "a"), Filters.eq("status", "pending"))))
			.containsExactly("a");
		assertThat(ids(things, Filters.and(Filters.eq("_id", "b"), Filters.eq("status", "pending")))).isEmpty();
		assertThat(ids(things, Filters.and(Filters.eq("_id", "zz"), Filters.eq("status", "pending")))).isEmpty();
		assertThat(ids(things,
				Filters.and(Filters.eq("_id", "a"), Filters.or(Filters.eq("lease", null), Filters.lt("lease", 5)))))
			.containsExactly("a");
		assertThat(ids(things, Filters.and(Filters.in("_id", "a", "b", "zz"), Filters.eq("version", 1))))
			.containsExactlyInAnyOrder("a", "b");
		assertThat(ids(things, Filters.and(Filters.in("_id", "a", "b"), Filters.eq("status", "done"))))
			.containsExactly("b");
		// Operators on _id are left to the store.
		assertThat(ids(things, Filters.and(Filters.gt("_id", "m"), Filters.eq("status", "done")))).isEmpty();
		assertThat(ids(things, Filters.and(Filters.regex("_id", "^[ab]$"), Filters.eq("version", 1))))
			.containsExactlyInAnyOrder("a", "b");

		// An optimistic lock: the update applies only at the version read, once.
		Bson atVersionOne = Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1));
		assertThat(things.updateOne(atVersionOne, Updates.combine(Updates.set("v", 10), Updates.inc("version", 1)))
			.getModifiedCount()).isEqualTo(1);
		assertThat(things.updateOne(atVersionOne, Updates.set("v", 99)).getModifiedCount()).isZero();
		Document claimed = things.findOneAndUpdate(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 2)),
				Updates.set("lease", 7), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		assertThat(claimed).containsEntry("v", 10).containsEntry("lease", 7);
		assertThat(things.findOneAndUpdate(Filters.and(Filters.eq("_id", "a"), Filters.eq("lease", null)),
				Updates.set("lease", 8)))
			.isNull();

		// Deleted only when the condition holds.
		assertThat(
				things.deleteOne(Filters.and(Filters.eq("_id", "n1"), Filters.eq("status", "done"))).getDeletedCount())
			.isZero();
		assertThat(things.deleteOne(Filters.and(Filters.eq("_id", "n1"), Filters.eq("status", "pending")))
			.getDeletedCount()).isOne();
		assertThat(ids(things, Filters.and(Filters.eq("_id", "n1"), Filters.eq("version", 1)))).isEmpty();
		things.insertOne(new Document("_id", "n1").append("key", "kn1").append("version", 5));
		assertThat(ids(things, Filters.and(Filters.eq("_id", "n1"), Filters.eq("version", 5)))).containsExactly("n1");
		assertThat(things.countDocuments(Filters.eq("status", "pending"))).isEqualTo(50);

		// A secondary index {status, version}: found through its first field, kept up to
		// date by inserts, updates, replacements and deletes; values that are not strings
		// (an array, none) are always looked at.
		things.updateOne(Filters.eq("_id", "n5"), Updates.set("status", "done"));
		things.insertOne(new Document("_id", "arr").append("key", "karr").append("status", List.of("x", "pending")));
		things.insertOne(new Document("_id", "none").append("key", "knone"));
		assertThat(ids(things, Filters.eq("status", "done"))).containsExactlyInAnyOrder("b", "n5");
		assertThat(ids(things, Filters.eq("status", "pending"))).hasSize(50).contains("a", "arr");
		assertThat(ids(things, Filters.and(Filters.eq("status", "pending"), Filters.eq("version", 1)))).hasSize(48);
		assertThat(ids(things, Filters.and(Filters.in("status", "done", "x"), Filters.exists("key"))))
			.containsExactlyInAnyOrder("b", "n5", "arr");
		assertThat(ids(things, Filters.eq("status", null))).containsExactlyInAnyOrder("n1", "none");
		things.deleteOne(Filters.eq("_id", "arr"));
		things.replaceOne(Filters.eq("_id", "n6"), new Document("key", "kn6").append("status", "done"));
		assertThat(ids(things, Filters.eq("status", "pending"))).hasSize(48).doesNotContain("arr", "n6");
		assertThat(ids(things, Filters.eq("status", "done"))).containsExactlyInAnyOrder("b", "n5", "n6");
		assertThat(ids(things, Filters.eq("status", "gone"))).isEmpty();

		// A secondary index {owner, state}: found through both fields when the query
		// names
		// both; a document whose second value is no key (a number) is looked at for its
		// owner; kept up to date when a document changes its state.
		things.createIndex(Indexes.ascending("owner", "state"));
		things.createIndex(Indexes.ascending("owner", "when"));
		for (int i = 0; i < 30; i++) {
			things.insertOne(new Document("_id", "o" + i).append("key", "ko" + i)
				.append("owner", (i % 3 == 0) ? "x" : "y")
				.append("state", (i % 2 == 0) ? "open" : "shut")
				.append("when", i));
		}
		things.insertOne(new Document("_id", "o-num").append("key", "ko-num").append("owner", "x").append("state", 3));
		things.insertOne(new Document("_id", "o-flag").append("key", "ko-flag")
			.append("owner", "x")
			.append("state", "open")
			.append("flag", true));
		assertThat(ids(things, Filters.and(Filters.eq("owner", "x"), Filters.eq("state", "open"))))
			.containsExactlyInAnyOrder("o0", "o6", "o12", "o18", "o24", "o-flag");
		assertThat(ids(things, Filters.and(Filters.eq("owner", "x"), Filters.eq("state", 3)))).containsExactly("o-num");
		things.updateOne(Filters.eq("_id", "o0"), Updates.set("state", "shut"));
		assertThat(ids(things, Filters.and(Filters.eq("owner", "x"), Filters.eq("state", "open"))))
			.containsExactlyInAnyOrder("o6", "o12", "o18", "o24", "o-flag");
		assertThat(ids(things, Filters.and(Filters.eq("owner", "x"), Filters.in("state", "shut", "gone"))))
			.containsExactlyInAnyOrder("o0", "o3", "o9", "o15", "o21", "o27");
		assertThat(ids(things, Filters.and(Filters.eq("owner", "x"), Filters.gte("when", 20))))
			.containsExactlyInAnyOrder("o21", "o24", "o27");
		assertThat(ids(things, Filters.and(Filters.eq("flag", true), Filters.eq("owner", "x"))))
			.containsExactly("o-flag");
		// Created again, as each start of a service does: the index the collection keeps
		// still answers, not the one built for the repeated creation and left aside.
		things.createIndex(Indexes.ascending("owner", "state"));
		things.createIndex(Indexes.ascending("status", "version"));
		things.insertOne(
				new Document("_id", "o-late").append("key", "ko-late").append("owner", "x").append("state", "open"));
		assertThat(ids(things, Filters.and(Filters.eq("owner", "x"), Filters.eq("state", "open"))))
			.containsExactlyInAnyOrder("o6", "o12", "o18", "o24", "o-flag", "o-late");
		assertThat(ids(things, Filters.eq("status", "done"))).containsExactlyInAnyOrder("b", "n5", "n6");
	}

	/**
	 * The documents a filter finds, asked in the driver's form ({@code $and} of clauses)
	 * and in Spring Data's (one document of fields), which must agree.
	 */
	private static List<String> ids(MongoCollection<Document> things, Bson filter) {
		List<String> ids = new ArrayList<>();
		things.find(filter).forEach((document) -> ids.add(document.getString("_id")));
		Document flat = new Document();
		for (Object clause : filter.toBsonDocument()
			.getArray("$and", new org.bson.BsonArray(List.of(filter.toBsonDocument())))) {
			flat.putAll(((org.bson.BsonDocument) clause));
		}
		List<String> flatIds = new ArrayList<>();
		things.find(flat).forEach((document) -> flatIds.add(document.getString("_id")));
		assertThat(flatIds).as("flat form of %s", flat).containsExactlyInAnyOrderElementsOf(ids);
		return ids;
	}

}
