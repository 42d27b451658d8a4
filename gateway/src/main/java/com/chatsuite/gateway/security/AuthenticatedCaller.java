package com.chatsuite.gateway.security;

import com.chatsuite.support.security.TokenClaims;

/**
 * The verified caller of a request, as {@link AuthenticationFilter} found it.
 *
 * @param claims the verified claims
 * @param token the verified compact token, forwarded to the service
 */
public record AuthenticatedCaller(TokenClaims claims, String token) {

	/** The exchange attribute holding it. */
	static final String ATTRIBUTE = AuthenticatedCaller.class.getName();

	/**
	 * Tells whether a request's token was verified.
	 * @param exchange the request
	 * @return whether it carries a verified access token
	 */
	public static boolean isAuthenticated(org.springframework.web.server.ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE) != null;
	}

}
