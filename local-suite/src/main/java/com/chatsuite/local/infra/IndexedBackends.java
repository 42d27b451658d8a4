package com.chatsuite.local.infra;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 and in-memory backends whose collections keep secondary indexes
 * ({@link EqualityIndex}) and find the documents a query names by an equality on an
 * indexed field among other conditions through that index (see {@link KeyLookup}), and
 * whose H2 file holds documents as BSON ({@link BsonDocumentType}); everything else is
 * theirs unchanged.
 */
final class IndexedBackends {

	/** H2Database's map names for a collection's documents and its metadata. */
	private static final String DATA_MAP_PREFIX = "databases.";

	private static final String META_MAP_PREFIX = "meta.";

	private IndexedBackends() {
	}

	/**
	 * Copies of the documents a query matched, made while the collection is locked.
	 * mongo-java-server applies an update by copying the new values into the stored
	 * document one field at a time, and hands stored documents to the connection that
	 * encodes the answer after the lock is released: a reader could see half an update (a
	 * new balance with its old version, so an optimistic lock lost an update). With
	 * copies, updates change a copy and the store replaces the document whole.
	 */
	private static List<Document> copies(List<Document> matched) {
		List<Document> copies = new ArrayList<>(matched.size());
		for (Document document : matched) {
			copies.add(document.cloneDeeply());
		}
		return copies;
	}

	/**
	 * Megabytes of the file's pages kept in memory, H2's default. Reading a page again
	 * decodes its BSON documents, which is cheap; a bigger cache kept more decoded
	 * documents alive on the launcher's heap, where the young collections copied and
	 * promoted them (with 64 MB they took a fifth of the launcher's CPU under the webhook
	 * benchmark).
	 */
	private static final int CACHE_MB = 16;

	/**
	 * A backend persisting to an H2 file.
	 * @param file the file
	 * @return the backend
	 */
	static MongoBackend h2(String file) {
		return new IndexedH2Backend(new MVStore.Builder().fileName(file).cacheSize(CACHE_MB).open());
	}

	/**
	 * A backend keeping everything in memory.
	 * @return the backend
	 */
	static MongoBackend inMemory() {
		return new IndexedMemoryBackend();
	}

	private static final class IndexedH2Backend extends H2Backend {

		IndexedH2Backend(MVStore store) {
			super(store);
		}

		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
		}

	}

	private static final class IndexedH2Database extends H2Database {

		/**
		 * The store while a database is constructed: H2Database opens the existing
		 * collections from its constructor, before this class's fields are set.
		 */
		private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

		private final MVStore store;

		private IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
			super(name, store, cursors);
			this.store = store;
		}

		static IndexedH2Database open(String name, MVStore store, CursorRegistry cursors) {
			OPENING.set(store);
			try {
				return new IndexedH2Database(name, store, cursors);
			}
			finally {
				OPENING.remove();
			}
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			MVStore mvStore = (this.store != null) ? this.store : OPENING.get();
			String fullName = getFullCollectionNamespace(collectionName);
			MVMap<Object, Document> data = mvStore.openMap(DATA_MAP_PREFIX + fullName,
					new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
			MVMap<String, Object> meta = mvStore.openMap(META_MAP_PREFIX + fullName);
			return new IndexedH2Collection(this, collectionName, options, data, meta, this.cursorRegistry);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return new MemoryKeyIndex<>(indexName, keys, sparse);
		}

		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return new EqualityIndex<>(indexName, keys, sparse);
		}

	}

	private static final class IndexedH2Collection extends H2Collection {

		private final KeyLookup<Object> keys = new KeyLookup<>();

		IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options,
				MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
		}

		@Override
		public void addIndex(Index<Object> index) {
			super.addIndex(index);
			// An index created again is built anew and then left aside for the one the
			// collection has: only the one kept is kept up to date.
			if (getIndexes().stream().anyMatch((kept) -> kept == index)) {
				this.keys.added(index);
			}
		}

		@Override
		public void dropIndex(String indexName) {
			super.dropIndex(indexName);
			this.keys.dropped(indexName);
		}

		@Override
		protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
			return super.createQueryResult(copies(matched), batchSize);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fieldSelector) {
			Iterable<Object> candidates = this.keys.candidates(query, getIdField());
			if (candidates == null) {
				return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
			}
			return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
		}

	}

	private static final class IndexedMemoryBackend extends MemoryBackend {

		@Override
		public MemoryDatabase openOrCreateDatabase(String databaseName) {
			return new IndexedMemoryDatabase(databaseName, getCursorRegistry());
		}

	}

	private static final class IndexedMemoryDatabase extends MemoryDatabase {

		IndexedMemoryDatabase(String name, CursorRegistry cursors) {
			super(name, cursors);
		}

		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new IndexedMemoryCollection(this, collectionName, options, this.cursorRegistry);
		}

		@Override
		protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
				List<IndexKey> keys, boolean sparse) {
			return new EqualityIndex<>(indexName, keys, sparse);
		}

	}

	private static final class IndexedMemoryCollection extends MemoryCollection {

		/**
		 * MemoryCollection's documents, which it updates in place and so never replaces.
		 */
		private static final StoredDocuments STORED = new StoredDocuments();

		private final KeyLookup<Integer> keys = new KeyLookup<>();

		IndexedMemoryCollection(MongoDatabase database, String name, CollectionOptions options,
				CursorRegistry cursors) {
			super(database, name, options, cursors);
		}

		@Override
		public void addIndex(Index<Integer> index) {
			super.addIndex(index);
			// An index created again is built anew and then left aside for the one the
			// collection has: only the one kept is kept up to date.
			if (getIndexes().stream().anyMatch((kept) -> kept == index)) {
				this.keys.added(index);
			}
		}

		@Override
		public void dropIndex(String indexName) {
			super.dropIndex(indexName);
			this.keys.dropped(indexName);
		}

		@Override
		protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
			return super.createQueryResult(copies(matched), batchSize);
		}

		@Override
		protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
			// Query answers are copies, so the update was made to a copy: store it.
			STORED.get(this).set(position, newDocument);
		}

		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fieldSelector) {
			Iterable<Integer> candidates = this.keys.candidates(query, getIdField());
			if (candidates == null) {
				return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
			}
			return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector);
		}

	}

	/** Reads MemoryCollection's private list of documents. */
	private static final class StoredDocuments {

		private final Field field;

		StoredDocuments() {
			try {
				this.field = MemoryCollection.class.getDeclaredField("documents");
				this.field.setAccessible(true);
			}
			catch (NoSuchFieldException ex) {
				throw new IllegalStateException("mongo-java-server's MemoryCollection changed: " + ex, ex);
			}
		}

		@SuppressWarnings("unchecked")
		List<Document> get(MemoryCollection collection) {
			try {
				return (List<Document>) this.field.get(collection);
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
