package com.chatsuite.gateway.support;

import java.util.List;
import java.util.Map;

/**
 * What a {@link StubServer} received, as it answers it.
 *
 * @param service the service it stands in for
 * @param method the request method
 * @param uri the request URI, path and query
 * @param headers the request headers, names in lower case
 * @param bodyLength the length of the request body
 */
public record Echo(String service, String method, String uri, Map<String, List<String>> headers, int bodyLength) {

	/**
	 * The values of a header.
	 * @param name the header name, any case
	 * @return its values, empty when absent
	 */
	public List<String> header(String name) {
		return this.headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
	}

	/**
	 * The names of the headers whose name starts with a prefix.
	 * @param prefix the prefix, any case
	 * @return the lower-case names
	 */
	public List<String> headersStartingWith(String prefix) {
		String lower = prefix.toLowerCase(java.util.Locale.ROOT);
		return this.headers.keySet().stream().filter((name) -> name.startsWith(lower)).sorted().toList();
	}

}
