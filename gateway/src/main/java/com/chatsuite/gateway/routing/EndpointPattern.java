package com.chatsuite.gateway.routing;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A set of requests named in configuration as {@code [METHOD ]path-pattern}, for example
 * {@code POST /platform/token} or {@code /api/v2/room-control/**} (any method).
 *
 * @param method the method it is limited to, {@code null} for any method
 * @param pattern the path pattern
 */
public record EndpointPattern(@Nullable HttpMethod method, PathPattern pattern) {

	/**
	 * Parses {@code [METHOD ]path-pattern}; also used to bind configuration properties.
	 * @param value the text, for example {@code GET /admin/access-token}
	 * @return the pattern
	 */
	public static EndpointPattern of(String value) {
		Assert.hasText(value, "An endpoint pattern must not be empty");
		String text = value.trim();
		int space = text.indexOf(' ');
		HttpMethod method = null;
		if (space > 0) {
			method = HttpMethod.valueOf(text.substring(0, space).toUpperCase(Locale.ROOT));
			text = text.substring(space + 1).trim();
		}
		Assert.isTrue(text.startsWith("/"), () -> "An endpoint pattern must start with '/': " + value);
		return new EndpointPattern(method, PathPatternParser.defaultInstance.parse(text));
	}

	/**
	 * Tells whether a request is one of these endpoints.
	 * @param request the request
	 * @return {@code true} when method and path match
	 */
	public boolean matches(ServerHttpRequest request) {
		return matches(request.getMethod(), request.getPath().pathWithinApplication());
	}

	/**
	 * Tells whether a method and path are one of these endpoints.
	 * @param requestMethod the request method
	 * @param path the request path
	 * @return {@code true} when method and path match
	 */
	public boolean matches(HttpMethod requestMethod, PathContainer path) {
		return (this.method == null || this.method.equals(requestMethod)) && this.pattern.matches(path);
	}

	@Override
	public String toString() {
		return (this.method != null) ? this.method.name() + " " + this.pattern.getPatternString()
				: this.pattern.getPatternString();
	}

}
