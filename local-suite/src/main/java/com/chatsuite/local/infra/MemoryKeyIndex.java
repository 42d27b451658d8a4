package com.chatsuite.local.infra;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * A unique index of the H2 file store kept in memory: positions by key in a hash map,
 * filled from the documents when the store opens (mongo-java-server adds every document
 * to an index that is empty when it is added to a collection).
 * <p>
 * mongo-java-server's own H2 unique index is a tree in the file whose keys H2 does not
 * know how to compare: it compares two keys by serialising both with Java serialisation,
 * on every step of every search. With the suite running, that and reading the tree's
 * pages back took about a third of the store's CPU, for lookups by {@code _id} and for
 * the unique check of every insert. The documents themselves stay in the file.
 *
 * @param <P> the store's position type
 */
final class MemoryKeyIndex<P> extends AbstractUniqueIndex<P> {

	private final Map<KeyValue, P> positions = new ConcurrentHashMap<>();

	MemoryKeyIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
	}

	@Override
	protected P removeDocument(KeyValue key) {
		return this.positions.remove(key);
	}

	@Override
	protected boolean putKeyPosition(KeyValue key, P position) {
		return this.positions.putIfAbsent(key, position) == null;
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, P>> getIterable() {
		return this.positions.entrySet();
	}

	@Override
	protected P getPosition(KeyValue key) {
		return this.positions.get(key);
	}

	@Override
	public long getCount() {
		return this.positions.size();
	}

	@Override
	public boolean isEmpty() {
		return this.positions.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

}
