package com.chatsuite.support.security;

import java.util.Set;

import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling: the token of a request verified again in the service (the gateway
 * checked it already; this is defence in depth). Reads the addon API's
 * {@code access_token} header or {@code Authorization: Bearer}.
 */
public class Callers {

	/** The addon API's own header for the access token. */
	public static final String ACCESS_TOKEN_HEADER = "access_token";

	private final TokenVerifier verifier;

	public Callers(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	/**
	 * The verified caller of one of the given kinds.
	 * @param exchange the request
	 * @param kinds the accepted kinds
	 * @return its claims, or 401 naming the reason
	 */
	public Mono<TokenClaims> require(ServerWebExchange exchange, TokenKind... kinds) {
		return this.verifier.verify(token(exchange), Set.of(kinds))
			.onErrorMap(TokenRejectedException.class,
					(ex) -> ApiException.unauthorized(ACCESS_TOKEN_HEADER, ex.getMessage()));
	}

	private static String token(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).trim();
		}
		return headers.getFirst(ACCESS_TOKEN_HEADER);
	}

}
