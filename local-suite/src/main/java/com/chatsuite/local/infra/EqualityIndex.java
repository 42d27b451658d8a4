package com.chatsuite.local.infra;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A secondary index of the suite's store (mongo-java-server keeps only unique ones): the
 * positions of the documents by the value of the index's first field and by the values of
 * its first two fields, in memory, built from the documents when the index is created or
 * the store opened. It answers no query by itself ({@link #canHandle} is false);
 * {@link KeyLookup} takes from it the documents a query with an equality on the first
 * field (and on the second, when the query names both) can match, which the store then
 * matches against the whole query. So {@code {status: "pending", nextAttemptAt: {$lte:
 * t}}} reads the pending documents instead of the whole collection, and {@code {orgId: o,
 * status: {$in: [...]}}} the organisation's documents in those states instead of all of
 * the organisation's, as MongoDB reads them through the index the service declares.
 * <p>
 * Only strings and booleans are keys. Documents whose value of the first field is
 * anything else (missing, a number, an array, a document) are candidates for every
 * lookup, and those whose second field's value is not a key for every lookup of their
 * first field's value: the lookup only narrows, it never decides.
 *
 * @param <P> the store's position type
 */
final class EqualityIndex<P> extends Index<P> {

	private static final String ID = "_id";

	private final String field;

	/** The index's second field, {@code null} for an index on one field. */
	private final String second;

	/** Positions by the first field's value. */
	private final Map<Object, Set<P>> byValue = new ConcurrentHashMap<>();

	/** Positions by the values of the first two fields. */
	private final Map<List<Object>, Set<P>> byPair = new ConcurrentHashMap<>();

	/** Positions of the documents whose first field's value is not a key. */
	private final Set<P> others = ConcurrentHashMap.newKeySet();

	/**
	 * Positions of the documents whose second field's value is not a key, by the first
	 * field's value.
	 */
	private final Map<Object, Set<P>> secondOthers = new ConcurrentHashMap<>();

	/** Where each position is filed. */
	private final Map<P, Filing> filed = new ConcurrentHashMap<>();

	/** Positions by document id, to find a removed document's position. */
	private final Map<Object, P> positions = new ConcurrentHashMap<>();

	EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.field = keys.get(0).getKey();
		this.second = (keys.size() > 1) ? keys.get(1).getKey() : null;
	}

	/** The field whose values the index keeps. */
	String field() {
		return this.field;
	}

	/** The index's second field, {@code null} for an index on one field. */
	String second() {
		return this.second;
	}

	/**
	 * Whether a value is one the index files documents by: a string or a boolean.
	 * @param value the value
	 * @return whether it is a key
	 */
	static boolean isKey(Object value) {
		return value instanceof String || value instanceof Boolean;
	}

	/**
	 * The positions of the documents that can have one of the given values in the first
	 * field and, when given, one of the given values in the second.
	 * @param values the first field's values, keys
	 * @param secondValues the second field's values, keys, or {@code null} for any
	 * @return the candidate positions
	 */
	Set<P> candidates(Collection<?> values, Collection<?> secondValues) {
		Set<P> found = new HashSet<>(this.others);
		for (Object value : values) {
			if (secondValues == null || this.second == null) {
				found.addAll(this.byValue.getOrDefault(value, Set.of()));
				continue;
			}
			found.addAll(this.secondOthers.getOrDefault(value, Set.of()));
			for (Object secondValue : secondValues) {
				found.addAll(this.byPair.getOrDefault(List.of(value, secondValue), Set.of()));
			}
		}
		return found;
	}

	/**
	 * How many positions {@link #candidates(Collection, Collection)} would give, at most,
	 * without collecting them.
	 * @param values the first field's values, keys
	 * @param secondValues the second field's values, keys, or {@code null} for any
	 * @return the number of candidates, counting a position once per set it is in
	 */
	long count(Collection<?> values, Collection<?> secondValues) {
		long count = this.others.size();
		for (Object value : values) {
			if (secondValues == null || this.second == null) {
				count += this.byValue.getOrDefault(value, Set.of()).size();
				continue;
			}
			count += this.secondOthers.getOrDefault(value, Set.of()).size();
			for (Object secondValue : secondValues) {
				count += this.byPair.getOrDefault(List.of(value, secondValue), Set.of()).size();
			}
		}
		return count;
	}

	@Override
	public P getPosition(Document document) {
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
	}

	@Override
	public synchronized void add(Document document, P position, MongoCollection<P> collection) {
		file(document, position);
	}

	@Override
	public synchronized P remove(Document document) {
		P position = this.positions.remove(idOf(document));
		if (position != null) {
			unfile(position);
		}
		// The store checks that every index names the same position.
		return position;
	}

	@Override
	public boolean canHandle(Document query) {
		return false;
	}

	@Override
	public Iterable<P> getPositions(Document query) {
		throw new UnsupportedOperationException("the store does not query this index itself");
	}

	@Override
	public long getCount() {
		return this.filed.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
			MongoCollection<P> collection) {
		unfile(position);
		this.positions.remove(idOf(oldDocument));
		file(newDocument, position);
	}

	@Override
	public synchronized void drop() {
		this.byValue.clear();
		this.byPair.clear();
		this.others.clear();
		this.secondOthers.clear();
		this.filed.clear();
		this.positions.clear();
	}

	private void file(Document document, P position) {
		Object value = Utils.getSubdocumentValue(document, this.field);
		Filing filing;
		if (!isKey(value)) {
			this.others.add(position);
			filing = Filing.OTHERS;
		}
		else {
			this.byValue.computeIfAbsent(value, (key) -> ConcurrentHashMap.newKeySet()).add(position);
			Object secondValue = (this.second != null) ? Utils.getSubdocumentValue(document, this.second) : null;
			if (this.second == null) {
				filing = new Filing(value, null);
			}
			else if (isKey(secondValue)) {
				filing = new Filing(value, List.of(value, secondValue));
				this.byPair.computeIfAbsent(filing.pair(), (key) -> ConcurrentHashMap.newKeySet()).add(position);
			}
			else {
				filing = new Filing(value, null);
				this.secondOthers.computeIfAbsent(value, (key) -> ConcurrentHashMap.newKeySet()).add(position);
			}
		}
		this.filed.put(position, filing);
		this.positions.put(idOf(document), position);
	}

	private void unfile(P position) {
		Filing filing = this.filed.remove(position);
		if (filing == null) {
			return;
		}
		if (filing == Filing.OTHERS) {
			this.others.remove(position);
			return;
		}
		removeFrom(this.byValue, filing.value(), position);
		if (filing.pair() != null) {
			removeFrom(this.byPair, filing.pair(), position);
		}
		else if (this.second != null) {
			removeFrom(this.secondOthers, filing.value(), position);
		}
	}

	private static <K, P> void removeFrom(Map<K, Set<P>> sets, K key, P position) {
		Set<P> same = sets.get(key);
		if (same != null) {
			same.remove(position);
			if (same.isEmpty()) {
				sets.remove(key, same);
			}
		}
	}

	private static Object idOf(Document document) {
		Object id = document.get(ID);
		return (id != null) ? id : Filing.OTHERS;
	}

	/**
	 * Where a position is filed: under its first field's value (none: among the others)
	 * and, for an index on two fields, under the pair of values (none: among the second
	 * field's others).
	 */
	private record Filing(Object value, List<Object> pair) {

		static final Filing OTHERS = new Filing(null, null);

	}

}
