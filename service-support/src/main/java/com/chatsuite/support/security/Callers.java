package com.chatsuite.support.security;

import java.util.Set;

import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling: the token of a request verified again in the service (the gateway
 * checked it already; this is defence in depth), read where the gateway reads it
 * ({@link PresentedToken}).
 */
public class Callers {

	/** The addon API's own header for the access token. */
	public static final String ACCESS_TOKEN_HEADER = PresentedToken.ACCESS_TOKEN_HEADER;

	private final TokenVerifier verifier;

	public Callers(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	/**
	 * The verified caller of one of the given kinds.
	 * @param exchange the request
	 * @param kinds the accepted kinds
	 * @return its claims, or 401 naming the reason (503 when the signing keys cannot be
	 * fetched, which says nothing about the token)
	 */
	public Mono<TokenClaims> require(ServerWebExchange exchange, TokenKind... kinds) {
		return Mono
			.defer(() -> this.verifier.verify(PresentedToken.from(exchange.getRequest().getHeaders(), true),
					Set.of(kinds)))
			.onErrorMap(TokenRejectedException.class, (ex) -> rejection(ex, ACCESS_TOKEN_HEADER));
	}

	/**
	 * The answer to a token that failed verification: 401 naming the field it came in, or
	 * 503 when the signing keys could not be read, which says nothing about the token.
	 * @param ex why verification failed
	 * @param field the header or request field that carried the token
	 * @return the exception to answer with
	 */
	public static ApiException rejection(TokenRejectedException ex, String field) {
		if (ex.reason() == TokenRejectedException.Reason.UNVERIFIABLE) {
			return ApiException.unavailable(
					"access tokens cannot be checked right now (" + ex.getMessage() + "), try again later",
					PresentedToken.UNVERIFIABLE_RETRY_AFTER_SECONDS);
		}
		return ApiException.unauthorized(field, ex.getMessage());
	}

}
