package com.chatsuite.local.infra;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets a query with an equality on an indexed field find its documents through that
 * index, as MongoDB does:
 * <ul>
 * <li>a uniquely indexed field among other conditions (an optimistic lock's {@code {_id,
 * version}}, a claim's {@code {_id, status, leaseUntil}}, a ticket's {@code {roomId,
 * lastSequence: {$lt: n}}}): mongo-java-server uses an index only for a query whose
 * fields are exactly the index's;</li>
 * <li>the first field, or the first two, of a secondary index ({@code {status: "pending",
 * nextAttemptAt: {$lte: t}}}, {@code {orgId: o, status: {$in: [...]}}}), which
 * mongo-java-server does not keep at all ({@link EqualityIndex}); of several such
 * indexes, the one leaving the fewest documents.</li>
 * </ul>
 * Without this such queries read every document of the collection. The index gives the
 * documents that can match, which are still matched against the whole query, so the
 * answer is the same; only the documents looked at are fewer.
 *
 * @param <P> the store's position type
 */
final class KeyLookup<P> {

	private static final String ID = "_id";

	private static final String IN = "$in";

	private static final String AND = "$and";

	/** The unique indexes on a single field, by field. */
	private final Map<String, Index<P>> indexes = new ConcurrentHashMap<>();

	/** The secondary indexes. */
	private final List<EqualityIndex<P>> equalities = new CopyOnWriteArrayList<>();

	/**
	 * Takes note of an index added to the collection: a unique index on one field is one
	 * the lookup uses (the first one on each field).
	 * @param index the index added
	 */
	void added(Index<P> index) {
		List<IndexKey> keys = index.getKeys();
		if (index.isUnique() && keys.size() == 1) {
			this.indexes.putIfAbsent(keys.get(0).getKey(), index);
		}
		else if (index instanceof EqualityIndex<P> equality) {
			this.equalities.add(equality);
		}
	}

	/**
	 * Takes note of an index dropped from the collection.
	 * @param name the index's name
	 */
	void dropped(String name) {
		this.indexes.values().removeIf((index) -> index.getName().equals(name));
		this.equalities.removeIf((index) -> index.getName().equals(name));
	}

	/**
	 * The positions of the documents a query can match, when the query names them by a
	 * uniquely indexed field among other conditions ({@code _id} first), or by a string
	 * or boolean value of a secondary index's first field (and of its second).
	 * @param query the query
	 * @param idField the collection's id field
	 * @return the candidate positions, or {@code null} when the query is not of that kind
	 * (a query on the indexed field alone is left to the store, which uses the index
	 * itself)
	 */
	Iterable<P> candidates(Document query, String idField) {
		Iterable<P> unique = uniqueCandidates(query, idField);
		if (unique != null) {
			return unique;
		}
		// The secondary index that leaves the fewest documents to match, as MongoDB's
		// planner would pick the most selective.
		EqualityIndex<P> best = null;
		List<Object> bestValues = null;
		List<Object> bestSecondValues = null;
		long fewest = Long.MAX_VALUE;
		for (EqualityIndex<P> index : this.equalities) {
			Object value = (query.size() == 1 && query.containsKey(index.field())) ? query.get(index.field())
					: condition(query, index.field());
			List<Object> values = keys(value);
			if (values == null) {
				continue;
			}
			List<Object> secondValues = (index.second() != null) ? keys(condition(query, index.second())) : null;
			long count = index.count(values, secondValues);
			if (count < fewest) {
				best = index;
				bestValues = values;
				bestSecondValues = secondValues;
				fewest = count;
			}
		}
		return (best != null) ? best.candidates(bestValues, bestSecondValues) : null;
	}

	private Iterable<P> uniqueCandidates(Document query, String idField) {
		if (this.indexes.isEmpty()) {
			return null;
		}
		Index<P> ids = ID.equals(idField) ? this.indexes.get(ID) : null;
		if (ids != null) {
			Object value = condition(query, ID);
			if (value != null) {
				return ids.getPositions(new Document(ID, value));
			}
		}
		for (Map.Entry<String, Index<P>> entry : this.indexes.entrySet()) {
			String field = entry.getKey();
			if (ID.equals(field)) {
				continue;
			}
			Object value = condition(query, field);
			if (value != null) {
				return entry.getValue().getPositions(new Document(field, value));
			}
		}
		return null;
	}

	/**
	 * The condition on a field that every match must meet, when it is an equality or an
	 * {@code $in} of equalities: a field of the query beside others ({@code {_id: x,
	 * version: 3}}, Spring Data's form), or one of the clauses of a top-level
	 * {@code $and} ({@code {$and: [{_id: x}, {version: 3}]}}, the driver's).
	 */
	private static Object condition(Document query, String field) {
		if (query.size() > 1 && query.containsKey(field)) {
			Object value = query.get(field);
			return (isEquality(value) || isIn(value)) ? value : null;
		}
		if (query.size() == 1 && query.get(AND) instanceof List<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document condition && condition.size() == 1 && condition.containsKey(field)) {
					Object value = condition.get(field);
					if (isEquality(value) || isIn(value)) {
						return value;
					}
				}
			}
		}
		return null;
	}

	/**
	 * The keys (strings, booleans) an equality or an {@code $in} names, {@code null} for
	 * anything else.
	 */
	private static List<Object> keys(Object value) {
		if (EqualityIndex.isKey(value)) {
			return List.of(value);
		}
		if (isIn(value) && ((Document) value).get(IN) instanceof Collection<?> values
				&& values.stream().allMatch(EqualityIndex::isKey)) {
			return List.copyOf(values);
		}
		return null;
	}

	private static boolean isEquality(Object value) {
		return value != null && !(value instanceof Document) && !(value instanceof Collection)
				&& !(value instanceof BsonRegularExpression) && !(value instanceof Pattern);
	}

	private static boolean isIn(Object value) {
		return value instanceof Document operator && operator.size() == 1
				&& operator.get(IN) instanceof Collection<?> values && values.stream().allMatch(KeyLookup::isEquality);
	}

}
