package com.chatsuite.directory.web;

import com.chatsuite.directory.Tenant;
import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.TokenClaims;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The tenant of a request: the organisation and addon of its verified addon access token
 * ({@code access_token} header or {@code Authorization: Bearer}).
 */
@Component
public class Tenants {

	private final Callers callers;

	Tenants(Callers callers) {
		this.callers = callers;
	}

	/**
	 * Verifies the request's addon access token.
	 * @param exchange the request
	 * @return its tenant, or 401 naming the reason
	 */
	public Mono<Tenant> of(ServerWebExchange exchange) {
		return this.callers.require(exchange, TokenKind.ADDON).map(Tenants::tenant);
	}

	private static Tenant tenant(TokenClaims claims) {
		if (claims.orgId() == null || claims.addon() == null) {
			throw ApiException.unauthorized("access_token", "access token names no organisation or addon");
		}
		return new Tenant(claims.orgId(), claims.addon());
	}

}
