package com.chatsuite.gateway.metrics;

import io.micrometer.common.KeyValue;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Tags a proxied request's timing ({@code http.server.requests}) with its route: a
 * gateway route matches no request-mapping pattern, so the {@code uri} tag would be
 * {@code UNKNOWN} for every proxied call. The route ids are the suite's fixed few (one
 * per service family, and the event streams), never a raw path.
 */
class RouteObservationConvention extends DefaultServerRequestObservationConvention {

	RouteObservationConvention(String name) {
		super(name);
	}

	@Override
	protected KeyValue uri(ServerRequestObservationContext context) {
		if (context.getPathPattern() == null
				&& context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) instanceof Route route) {
			return KeyValue.of("uri", "route:" + route.getId());
		}
		return super.uri(context);
	}

}
