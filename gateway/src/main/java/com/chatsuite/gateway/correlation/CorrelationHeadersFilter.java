package com.chatsuite.gateway.correlation;

import com.chatsuite.gateway.routing.WritableHeaders;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the request id and trace context chosen by {@link CorrelationFilter} on the
 * request sent to the service. As a header filter of the routing step it works on the
 * copy of the headers the gateway makes for that request anyway.
 */
@Component
class CorrelationHeadersFilter implements HttpHeadersFilter, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		Correlation correlation = exchange.getAttribute(Correlation.ATTRIBUTE);
		if (correlation == null) {
			return input;
		}
		HttpHeaders headers = WritableHeaders.of(input);
		headers.set(RequestIds.HEADER, correlation.requestId());
		headers.set(TraceParent.HEADER, correlation.traceParent().toString());
		if (!correlation.continuesTrace()) {
			// A trace state belongs to the trace it came with, which is not continued.
			headers.remove(TraceParent.STATE_HEADER);
		}
		return headers;
	}

}
