package com.chatsuite.gateway.security;

import com.chatsuite.gateway.routing.ProxyHeadersFilter;
import com.chatsuite.gateway.routing.WritableHeaders;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the identity a service sees on the request the gateway sends it: for an
 * authenticated request, the identity headers of the verified token, which is forwarded
 * as a Bearer token. Identity headers a client sent are already gone
 * ({@link ProxyHeadersFilter}, whose copy of the headers this filter changes).
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
		if (caller == null) {
			return input;
		}
		HttpHeaders headers = WritableHeaders.of(input);
		IdentityHeaders.authenticate(headers, caller.claims(), caller.token());
		return headers;
	}

}
