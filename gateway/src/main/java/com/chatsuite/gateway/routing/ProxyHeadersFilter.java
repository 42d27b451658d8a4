package com.chatsuite.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.netty.handler.codec.http.DefaultHttpHeaders;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a request or response may not carry through the gateway, removed in one
 * pass. On requests: hop-by-hop headers (RFC 9110 section 7.6.1, and any a
 * {@code Connection} header names), {@code Forwarded} and {@code X-Forwarded-*} unless
 * proxies are trusted, identity headers ({@value #IDENTITY_PREFIX}*, which only the
 * gateway sets), and a {@code Content-Length} next to a chunked transfer coding (request
 * smuggling). On responses: hop-by-hop headers.
 * <p>
 * It does the work of Spring Cloud Gateway's {@code RemoveHopByHopHeadersFilter},
 * {@code RemoveForwardedHeadersFilter}, {@code RemoveXForwardedHeadersFilter} and
 * {@code TransferEncodingNormalizationHeadersFilter}, which each copied every header of
 * every request ({@link ProxyHeadersRegistrar} puts this filter in their place). The one
 * copy it makes is backed by Netty's headers, the form the request is sent in.
 */
public final class ProxyHeadersFilter implements HttpHeadersFilter, Ordered {

	/** Identity headers: only the gateway sets them, after verifying a token. */
	public static final String IDENTITY_PREFIX = "X-Auth-";

	private static final String X_FORWARDED_PREFIX = "X-Forwarded-";

	private static final String FORWARDED = "Forwarded";

	private static final Set<String> HOP_BY_HOP = caseInsensitive(
			RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST);

	private final Type type;

	private final boolean stripForwarded;

	private final boolean stripXForwarded;

	private ProxyHeadersFilter(Type type, boolean stripForwarded, boolean stripXForwarded) {
		this.type = type;
		this.stripForwarded = stripForwarded;
		this.stripXForwarded = stripXForwarded;
	}

	/**
	 * The filter of requests sent to services.
	 * @param stripForwarded whether a client's {@code Forwarded} header is removed
	 * @param stripXForwarded whether a client's {@code X-Forwarded-*} headers are removed
	 * @return the filter
	 */
	public static ProxyHeadersFilter forRequests(boolean stripForwarded, boolean stripXForwarded) {
		return new ProxyHeadersFilter(Type.REQUEST, stripForwarded, stripXForwarded);
	}

	/**
	 * The filter of responses from services.
	 * @return the filter
	 */
	public static ProxyHeadersFilter forResponses() {
		return new ProxyHeadersFilter(Type.RESPONSE, false, false);
	}

	@Override
	public int getOrder() {
		// First: the filters after it change the copy it makes instead of copying again.
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public boolean supports(Type type) {
		return type == this.type;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		List<String> connectionOptions = connectionOptions(input);
		if (this.type == Type.RESPONSE) {
			List<String> dropped = new ArrayList<>(2);
			input.forEach((name, values) -> {
				if (isHopByHop(name, connectionOptions)) {
					dropped.add(name);
				}
			});
			if (dropped.isEmpty()) {
				return input;
			}
			HttpHeaders filtered = WritableHeaders.of(input);
			dropped.forEach(filtered::remove);
			return filtered;
		}
		boolean chunked = isChunked(input);
		HttpHeaders filtered = new HttpHeaders(new Netty4HeadersAdapter(new DefaultHttpHeaders(false)));
		input.forEach((name, values) -> {
			if (!isDroppedFromRequest(name, connectionOptions, chunked)) {
				filtered.addAll(name, values);
			}
		});
		return filtered;
	}

	private boolean isDroppedFromRequest(String name, List<String> connectionOptions, boolean chunked) {
		return isHopByHop(name, connectionOptions) || startsWithIgnoreCase(name, IDENTITY_PREFIX)
				|| (this.stripXForwarded && startsWithIgnoreCase(name, X_FORWARDED_PREFIX))
				|| (this.stripForwarded && FORWARDED.equalsIgnoreCase(name))
				|| (chunked && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name));
	}

	private static boolean isHopByHop(String name, List<String> connectionOptions) {
		if (HOP_BY_HOP.contains(name)) {
			return true;
		}
		for (String option : connectionOptions) {
			if (option.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> connectionOptions(HttpHeaders headers) {
		List<String> values = headers.get(HttpHeaders.CONNECTION);
		if (values == null || values.isEmpty()) {
			return List.of();
		}
		List<String> options = new ArrayList<>();
		for (String value : values) {
			for (String option : value.split(",")) {
				if (!option.isBlank()) {
					options.add(option.trim());
				}
			}
		}
		return options;
	}

	private static boolean isChunked(HttpHeaders headers) {
		String transferEncoding = headers.getFirst(HttpHeaders.TRANSFER_ENCODING);
		return transferEncoding != null && "chunked".equalsIgnoreCase(transferEncoding.trim());
	}

	private static boolean startsWithIgnoreCase(String name, String prefix) {
		return name.regionMatches(true, 0, prefix, 0, prefix.length());
	}

	private static Set<String> caseInsensitive(Set<String> names) {
		Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		names.forEach((name) -> set.add(name.toLowerCase(Locale.ROOT)));
		return set;
	}

}
