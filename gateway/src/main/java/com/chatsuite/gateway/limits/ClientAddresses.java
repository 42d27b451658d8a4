package com.chatsuite.gateway.limits;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Finds the address of the client a request comes from, for per-client limits.
 */
class ClientAddresses {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	private final boolean trustForwardedFor;

	ClientAddresses(boolean trustForwardedFor) {
		this.trustForwardedFor = trustForwardedFor;
	}

	/**
	 * The client address of a request.
	 * @param request the request
	 * @return with {@code X-Forwarded-For} trusted, its last entry (the one our own proxy
	 * appended; earlier entries are whatever the client claimed), otherwise the peer's
	 * address; {@code unknown} when neither is known
	 */
	String of(ServerHttpRequest request) {
		if (this.trustForwardedFor) {
			String forwarded = lastForwardedFor(request);
			if (forwarded != null) {
				return forwarded;
			}
		}
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	private static String lastForwardedFor(ServerHttpRequest request) {
		List<String> values = request.getHeaders().get(FORWARDED_FOR);
		if (values == null || values.isEmpty()) {
			return null;
		}
		String last = values.get(values.size() - 1);
		String address = last.substring(last.lastIndexOf(',') + 1).trim();
		return address.isEmpty() ? null : address;
	}

}
