package com.chatsuite.local.infra;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets a query that names one document by {@code _id} and adds conditions (an optimistic
 * lock's {@code {_id, version}}, a claim's {@code {_id, status, leaseUntil}}) find its
 * document through the {@code _id} index. mongo-java-server uses an index only for a
 * query whose fields are exactly the index's, so such queries read every document of the
 * collection; MongoDB itself uses the {@code _id} index for them. The documents the index
 * gives are still matched against the whole query, so the answer is the same; only the
 * documents looked at are fewer.
 *
 * @param <P> the store's position type
 */
final class IdLookup<P> {

	private static final String ID = "_id";

	private static final String IN = "$in";

	private static final String AND = "$and";

	private volatile Index<P> ids;

	/**
	 * Takes note of an index added to the collection: the first unique index on
	 * {@code _id} alone is the one the collection keeps.
	 * @param index the index added
	 */
	void added(Index<P> index) {
		List<IndexKey> keys = index.getKeys();
		if (this.ids == null && index.isUnique() && keys.size() == 1 && ID.equals(keys.get(0).getKey())) {
			this.ids = index;
		}
	}

	/**
	 * Takes note of an index dropped from the collection.
	 * @param name the index's name
	 */
	void dropped(String name) {
		Index<P> current = this.ids;
		if (current != null && current.getName().equals(name)) {
			this.ids = null;
		}
	}

	/**
	 * The positions of the documents a query can match, when the query names them by
	 * {@code _id} among other conditions.
	 * @param query the query
	 * @param idField the collection's id field
	 * @return the candidate positions, or {@code null} when the query is not of that kind
	 * (a query on {@code _id} alone is left to the store, which uses the index itself)
	 */
	Iterable<P> candidates(Document query, String idField) {
		Index<P> index = this.ids;
		if (index == null || !ID.equals(idField)) {
			return null;
		}
		Object value = idCondition(query);
		if (value == null) {
			return null;
		}
		return index.getPositions(new Document(ID, value));
	}

	/**
	 * The condition on {@code _id} that every match must meet, when it is an equality or
	 * an {@code $in} of equalities: a field of the query beside others ({@code {_id: x,
	 * version: 3}}, Spring Data's form), or one of the clauses of a top-level
	 * {@code $and} ({@code {$and: [{_id: x}, {version: 3}]}}, the driver's).
	 */
	private static Object idCondition(Document query) {
		if (query.size() > 1 && query.containsKey(ID)) {
			Object value = query.get(ID);
			return (isEquality(value) || isIn(value)) ? value : null;
		}
		if (query.size() == 1 && query.get(AND) instanceof List<?> clauses) {
			for (Object clause : clauses) {
				if (clause instanceof Document condition && condition.size() == 1 && condition.containsKey(ID)) {
					Object value = condition.get(ID);
					if (isEquality(value) || isIn(value)) {
						return value;
					}
				}
			}
		}
		return null;
	}

	private static boolean isEquality(Object value) {
		return value != null && !(value instanceof Document) && !(value instanceof Collection)
				&& !(value instanceof BsonRegularExpression) && !(value instanceof Pattern);
	}

	private static boolean isIn(Object value) {
		return value instanceof Document operator && operator.size() == 1
				&& operator.get(IN) instanceof Collection<?> values && values.stream().allMatch(IdLookup::isEquality);
	}

}
