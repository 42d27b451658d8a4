package com.chatsuite.gateway.security;

import com.chatsuite.gateway.routing.WritableHeaders;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the identity a service sees on the request the gateway sends it: identity
 * headers a client sent are always removed, and for an authenticated request replaced by
 * those of the verified token, which is forwarded as a Bearer token. As a header filter
 * of the routing step it works on the copy of the headers the gateway makes for that
 * request anyway.
 */
@Component
class IdentityHeadersFilter implements HttpHeadersFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		AuthenticatedCaller caller = exchange.getAttribute(AuthenticatedCaller.ATTRIBUTE);
		if (caller == null && !IdentityHeaders.present(input)) {
			return input;
		}
		HttpHeaders headers = WritableHeaders.of(input);
		if (caller != null) {
			IdentityHeaders.authenticate(headers, caller.claims(), caller.token());
		}
		else {
			IdentityHeaders.strip(headers);
		}
		return headers;
	}

}
