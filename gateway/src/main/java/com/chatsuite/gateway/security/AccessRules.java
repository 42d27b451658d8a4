package com.chatsuite.gateway.security;

import java.util.List;

import com.chatsuite.gateway.routing.EndpointPattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Decides whether a request may pass without an access token.
 */
class AccessRules {

	private final List<EndpointPattern> publicEndpoints;

	private final List<EndpointPattern> roomTokenEndpoints;

	private final String roomTokenHeader;

	AccessRules(GatewaySecurityProperties properties) {
		this.publicEndpoints = List.copyOf(properties.publicEndpoints());
		this.roomTokenEndpoints = List.copyOf(properties.roomTokenEndpoints());
		this.roomTokenHeader = properties.roomTokenHeader();
	}

	/**
	 * Tells whether a request needs no access token.
	 * @param request the request
	 * @return {@code true} for the public endpoints, and for visitor paths called with a
	 * room token and without {@code Authorization}
	 */
	boolean isPublic(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		PathContainer path = request.getPath().pathWithinApplication();
		if (anyMatches(this.publicEndpoints, method, path)) {
			return true;
		}
		HttpHeaders headers = request.getHeaders();
		return headers.containsHeader(this.roomTokenHeader) && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
				&& anyMatches(this.roomTokenEndpoints, method, path);
	}

	private static boolean anyMatches(List<EndpointPattern> patterns, HttpMethod method, PathContainer path) {
		for (EndpointPattern pattern : patterns) {
			if (pattern.matches(method, path)) {
				return true;
			}
		}
		return false;
	}

}
