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
 * positions of the documents by the string value of the index's first field, in memory,
 * built from the documents when the index is created or the store opened. It answers no
 * query by itself ({@link #canHandle} is false); {@link KeyLookup} takes from it the
 * documents a query with an equality on that field can match, which the store then
 * matches against the whole query. So {@code {status: "pending", nextAttemptAt: {$lte:
 * t}}} reads the pending documents instead of the whole collection, as MongoDB reads them
 * through the index the service declares.
 * <p>
 * Documents whose value of the field is not a string (missing, a number, an array, a
 * document) are candidates for every lookup: the lookup only narrows, it never decides.
 *
 * @param <P> the store's position type
 */
final class EqualityIndex<P> extends Index<P> {

	private static final String ID = "_id";

	private final String field;

	/** Positions by the field's string value. */
	private final Map<String, Set<P>> byValue = new ConcurrentHashMap<>();

	/** Positions of the documents whose value is not a string. */
	private final Set<P> others = ConcurrentHashMap.newKeySet();

	/** The value each position is filed under ({@code null}: among the others). */
	private final Map<P, Object> filed = new ConcurrentHashMap<>();

	/** Positions by document id, to find a removed document's position. */
	private final Map<Object, P> positions = new ConcurrentHashMap<>();

	EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.field = keys.get(0).getKey();
	}

	/** The field whose values the index keeps. */
	String field() {
		return this.field;
	}

	/**
	 * The positions of the documents that can have the given value in the field.
	 * @param values the values, strings
	 * @return the candidate positions
	 */
	Set<P> candidates(Collection<String> values) {
		Set<P> found = new HashSet<>(this.others);
		for (String value : values) {
			found.addAll(this.byValue.getOrDefault(value, Set.of()));
		}
		return found;
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
		this.others.clear();
		this.filed.clear();
		this.positions.clear();
	}

	private void file(Document document, P position) {
		Object value = Utils.getSubdocumentValue(document, this.field);
		if (value instanceof String text) {
			this.byValue.computeIfAbsent(text, (key) -> ConcurrentHashMap.newKeySet()).add(position);
			this.filed.put(position, text);
		}
		else {
			this.others.add(position);
			this.filed.put(position, Others.INSTANCE);
		}
		this.positions.put(idOf(document), position);
	}

	private void unfile(P position) {
		Object value = this.filed.remove(position);
		if (value instanceof String text) {
			Set<P> same = this.byValue.get(text);
			if (same != null) {
				same.remove(position);
				if (same.isEmpty()) {
					this.byValue.remove(text, same);
				}
			}
		}
		else if (value != null) {
			this.others.remove(position);
		}
	}

	private static Object idOf(Document document) {
		Object id = document.get(ID);
		return (id != null) ? id : Others.INSTANCE;
	}

	/** The mark of a position filed among the others. */
	private enum Others {

		INSTANCE

	}

}
