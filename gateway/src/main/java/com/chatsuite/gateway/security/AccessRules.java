package com.chatsuite.gateway.security;

import java.util.List;

import com.chatsuite.gateway.routing.EndpointPattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Decides what a request must present before it is routed.
 */
class AccessRules {

	private final List<EndpointPattern> publicEndpoints;

	private final List<EndpointPattern> visitorEndpoints;

	private final List<EndpointPattern> roomTokenEndpoints;

	private final List<EndpointPattern> roomTokenQueryEndpoints;

	private final String roomTokenHeader;

	AccessRules(GatewaySecurityProperties properties) {
		this.publicEndpoints = List.copyOf(properties.publicEndpoints());
		this.visitorEndpoints = List.copyOf(properties.visitorEndpoints());
		this.roomTokenEndpoints = List.copyOf(properties.roomTokenEndpoints());
		this.roomTokenQueryEndpoints = List.copyOf(properties.roomTokenQueryEndpoints());
		this.roomTokenHeader = properties.roomTokenHeader();
	}

	/**
	 * What a request needs.
	 * @param request the request
	 * @return {@link Access#PUBLIC} for the public endpoints; for visitor paths without
	 * {@code Authorization}, {@link Access#VISITOR} (room opening) or
	 * {@link Access#ROOM_TOKEN}; {@link Access#TOKEN} for everything else, including any
	 * visitor path that carries {@code Authorization}, whose token is then verified
	 */
	Access accessOf(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		PathContainer path = request.getPath().pathWithinApplication();
		if (anyMatches(this.publicEndpoints, method, path)) {
			return Access.PUBLIC;
		}
		if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return Access.TOKEN;
		}
		if (anyMatches(this.visitorEndpoints, method, path)) {
			return Access.VISITOR;
		}
		if (anyMatches(this.roomTokenEndpoints, method, path)) {
			return Access.ROOM_TOKEN;
		}
		return Access.TOKEN;
	}

	/**
	 * Tells whether a request on a room-token endpoint presents a room token: in its
	 * header, or in the {@code token} query parameter where browsers cannot send headers
	 * (the room's event stream). The room's service checks it.
	 * @param request the request
	 * @return whether a room token is presented
	 */
	boolean presentsRoomToken(ServerHttpRequest request) {
		if (hasText(request.getHeaders().getFirst(this.roomTokenHeader))) {
			return true;
		}
		return hasText(request.getQueryParams().getFirst("token")) && anyMatches(this.roomTokenQueryEndpoints,
				request.getMethod(), request.getPath().pathWithinApplication());
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private static boolean anyMatches(List<EndpointPattern> patterns, HttpMethod method, PathContainer path) {
		for (EndpointPattern pattern : patterns) {
			if (pattern.matches(method, path)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * What a request must present.
	 */
	enum Access {

		/** Nothing: token endpoints, the JWK set, health, API documentation. */
		PUBLIC,

		/** Nothing: a visitor opening a room. */
		VISITOR,

		/** A room token, checked by the room's service. */
		ROOM_TOKEN,

		/** An access token of the family's kind, verified here. */
		TOKEN

	}

}
