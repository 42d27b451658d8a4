package com.chatsuite.gateway.limits;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.chatsuite.gateway.WebFilterOrder;
import com.chatsuite.gateway.errors.ApiErrorResponses;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, with 400 in the family's error shape, paths that no client of the suite's APIs
 * sends and that only serve to confuse whoever reads the path next: dot segments
 * ({@code ..}, also percent-encoded or followed by {@code ;...}), encoded slashes and
 * backslashes inside a segment, and control characters. Ids and names in paths never
 * contain them, and the services behind the gateway then never see them.
 */
@Component
class RequestPathFilter implements WebFilter, Ordered {

	private final ApiErrorResponses errors;

	RequestPathFilter(ApiErrorResponses errors) {
		this.errors = errors;
	}

	@Override
	public int getOrder() {
		return WebFilterOrder.REQUEST_PATH;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String fault = fault(exchange.getRequest().getPath().value());
		return (fault != null) ? this.errors.send(exchange, HttpStatus.BAD_REQUEST, fault, null)
				: chain.filter(exchange);
	}

	/**
	 * What is wrong with a path.
	 * @param rawPath the path as sent, percent-encoded
	 * @return the reason, {@code null} when the path is acceptable
	 */
	static @Nullable String fault(String rawPath) {
		for (String segment : rawPath.split("/", -1)) {
			int parameters = segment.indexOf(';');
			String value = decode((parameters < 0) ? segment : segment.substring(0, parameters));
			if (value.equals(".") || value.equals("..")) {
				return "the path must not contain '.' or '..' segments";
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '/' || c == '\\') {
					return "a path segment must not contain an encoded '/' or '\\'";
				}
				if (c < 0x20 || c == 0x7f) {
					return "the path must not contain control characters";
				}
			}
		}
		return null;
	}

	/** Percent-decoding; an invalid escape is kept as written. */
	private static String decode(String segment) {
		if (segment.indexOf('%') < 0) {
			return segment;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '%' && i + 2 < segment.length() && hex(segment.charAt(i + 1)) >= 0
					&& hex(segment.charAt(i + 2)) >= 0) {
				bytes.write(hex(segment.charAt(i + 1)) * 16 + hex(segment.charAt(i + 2)));
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static int hex(char c) {
		return Character.digit(c, 16);
	}

}
