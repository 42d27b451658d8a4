package com.chatsuite.gateway.routing;

import org.springframework.http.HttpHeaders;

/**
 * Header filters of the routing step receive the writable copy that the gateway's own
 * header filters made; only a read-only view (the original request's headers) is copied.
 */
public final class WritableHeaders {

	private WritableHeaders() {
	}

	/**
	 * Headers that may be changed.
	 * @param input the headers handed to a header filter
	 * @return {@code input} itself when it is a plain writable instance, otherwise a copy
	 */
	public static HttpHeaders of(HttpHeaders input) {
		return (input.getClass() == HttpHeaders.class) ? input : HttpHeaders.copyOf(input);
	}

}
