import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.chatsuite.local.infra.EmbeddedMongo;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Load generator of bench/store-bench.sh: the same operations, one at a time, against
 * mongo-java-server as it comes (H2 file) and against the suite's local store (the same
 * server, with the index lookups of KeyLookup, the secondary indexes of EqualityIndex and
 * documents stored as BSON by BsonDocumentType), each holding DOCS documents.
 * Queries are written as Spring Data sends them: one document of fields.
 *
 * java -cp ... bench/store-load.java DOCS OPS
 */
public class StoreLoad {

	public static void main(String[] args) throws Exception {
		int docs = Integer.parseInt(args[0]);
		int ops = Integer.parseInt(args[1]);
		Path dir = Files.createTempDirectory("store-bench");
		System.out.printf("%d documents per collection, %d operations of each kind, one at a time; median and p99 µs%n%n",
				docs, ops);
		System.out.printf("%-44s %22s %22s %8s%n", "operation", "mongo-java-server", "suite's local store",
				"ratio");
		MongoServer plain = new MongoServer(new H2Backend(dir.resolve("plain.mv").toString()));
		String plainUri = "mongodb://" + hostPort(plain.bind());
		try (EmbeddedMongo suite = EmbeddedMongo.persistent(dir.resolve("suite.mv"), 0);
				MongoClient plainClient = MongoClients.create(plainUri);
				MongoClient suiteClient = MongoClients.create(suite.connectionString())) {
			MongoCollection<Document> a = plainClient.getDatabase("bench").getCollection("things");
			MongoCollection<Document> b = suiteClient.getDatabase("bench").getCollection("things");
			fill(a, docs);
			fill(b, docs);
			// Warm-up of both paths, then the measured rounds.
			String payload = "x".repeat(300);
			for (int round = 0; round < 2; round++) {
				boolean report = round == 1;
				String prefix = "r" + round + "-";
				compare(report, "insert a new document", ops, docs, a, b,
						(c, i) -> Mono.from(c.insertOne(new Document("_id", prefix + i).append("version", 0)
							.append("status", "pending")
							.append("key", prefix + "k" + i)
							.append("state", "done")
							.append("at", i)
							.append("payload", payload))));
				compare(report, "find {_id} (indexed by both)", ops, docs, a, b,
						(c, i) -> Mono.from(c.find(Filters.eq("_id", "d" + i)).first()));
				compare(report, "find {_id, status}", ops, docs, a, b, (c, i) -> Mono
					.from(c.find(new Document("_id", "d" + i).append("status", "pending")).first()));
				compare(report, "update {_id, version}: optimistic lock", ops, docs, a, b,
						(c, i) -> Mono.from(c.updateOne(new Document("_id", "d" + i).append("version", new Document("$gte", 0)),
								Updates.inc("version", 1))));
				compare(report, "findAndModify {_id, status, $or lease}: claim", ops, docs, a, b,
						(c, i) -> Mono.from(c.findOneAndUpdate(
								new Document("_id", "d" + i).append("status", "pending")
									.append("$or", List.of(new Document("lease", null),
											new Document("lease", new Document("$lt", 0)))),
								Updates.set("lease", null),
								new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
				compare(report, "update {key, at < n}: unique field + condition", ops, docs, a, b,
						(c, i) -> Mono.from(c.updateOne(new Document("key", "k" + i).append("at", new Document("$lte", i)),
								Updates.inc("version", 1))));
				compare(report, "find {state, at <= n} limit 100: due poll", ops, docs, a, b,
						(c, i) -> Flux.from(c.find(new Document("state", "due").append("at", new Document("$lte", i)))
							.limit(100)).count());
			}
		}
		finally {
			plain.shutdownNow();
		}
	}

	interface Operation {

		Mono<?> run(MongoCollection<Document> collection, int i);

	}

	private static void fill(MongoCollection<Document> collection, int docs) {
		// As the services declare them: a unique field, and a secondary index (which
		// mongo-java-server as it comes ignores).
		Mono.from(collection.createIndex(new Document("key", 1), new IndexOptions().unique(true))).block();
		Mono.from(collection.createIndex(new Document("state", 1).append("at", 1))).block();
		String payload = "x".repeat(300);
		Flux.range(0, docs)
			.map((i) -> new Document("_id", "d" + i).append("version", 0)
				.append("status", "pending")
				.append("key", "k" + i)
				.append("state", (i % 100 == 0) ? "due" : "done")
				.append("at", i)
				.append("payload", payload))
			.buffer(1000)
			.concatMap((batch) -> Mono.from(collection.insertMany(batch)))
			.blockLast();
	}

	private static void compare(boolean report, String name, int ops, int docs, MongoCollection<Document> plain,
			MongoCollection<Document> suite, Operation operation) {
		long[] a = time(ops, docs, plain, operation);
		long[] b = time(ops, docs, suite, operation);
		if (report) {
			System.out.printf("%-44s %10.0f / %9.0f %10.0f / %9.0f %7.3fx%n", name, q(a, 0.5), q(a, 0.99), q(b, 0.5),
					q(b, 0.99), q(b, 0.5) / q(a, 0.5));
		}
	}

	private static long[] time(int ops, int docs, MongoCollection<Document> collection, Operation operation) {
		long[] nanos = new long[ops];
		for (int n = 0; n < ops; n++) {
			int i = (int) ((n * 7919L) % docs);
			long start = System.nanoTime();
			operation.run(collection, i).block();
			nanos[n] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return nanos;
	}

	private static double q(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e3;
	}

	private static String hostPort(java.net.InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

}
