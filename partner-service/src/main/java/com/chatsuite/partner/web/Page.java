package com.chatsuite.partner.web;

import java.util.List;
import java.util.function.Function;

import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a list answer: {@code page} (from 1) and {@code per_page} (20 by default,
 * at most 100) from the query.
 *
 * @param items the items of the page
 * @param page the page number
 * @param perPage the page size
 * @param total how many items all pages hold
 * @param <T> the item type
 */
public record Page<T>(List<T> items, int page, @JsonProperty("per_page") int perPage, long total) {

	private static final int DEFAULT_SIZE = 20;

	private static final int MAX_SIZE = 100;

	/**
	 * The page asked for.
	 * @param fields the query
	 * @return the request, 400 for a page or size out of range
	 */
	public static Request requested(RequestFields fields) {
		Integer page = fields.optionalInteger("page");
		Integer size = fields.optionalInteger("per_page");
		if (page != null && page < 1) {
			throw ApiException.badRequest("page", "page must be 1 or more");
		}
		if (size != null && (size < 1 || size > MAX_SIZE)) {
			throw ApiException.badRequest("per_page", "per_page must be between 1 and " + MAX_SIZE);
		}
		return new Request((page != null) ? page : 1, (size != null) ? size : DEFAULT_SIZE);
	}

	/**
	 * The same page with its items shown another way.
	 * @param view how to show one item
	 * @param <V> the view type
	 * @return the page of views
	 */
	public <V> Page<V> map(Function<T, V> view) {
		return new Page<>(this.items.stream().map(view).toList(), this.page, this.perPage, this.total);
	}

	/**
	 * A page asked for.
	 *
	 * @param page the page number, from 1
	 * @param size the page size
	 */
	public record Request(int page, int size) {

		/** Items before this page. */
		public long skip() {
			return (long) (this.page - 1) * this.size;
		}

	}

}
