package com.chatsuite.partner.web;

import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.TokenClaims;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who calls the partner API: a partner API key ({@code Authorization: Bearer}), verified
 * again here, holding the permission the endpoint needs.
 */
@Component
public class Partners {

	private final Callers callers;

	Partners(Callers callers) {
		this.callers = callers;
	}

	/**
	 * The partner of a request whose API key holds a permission.
	 * @param exchange the request
	 * @param permission the permission the endpoint needs
	 * @return the partner; 401 for a missing or invalid key, 403 naming the permission
	 * the key lacks
	 */
	public Mono<Partner> require(ServerWebExchange exchange, PartnerPermission permission) {
		return this.callers.require(exchange, TokenKind.API_KEY).map((claims) -> partner(claims, permission));
	}

	/**
	 * The partner of a request, whatever its key's permissions.
	 * @param exchange the request
	 * @return the partner, or an error for a missing or invalid key
	 */
	Mono<Partner> any(ServerWebExchange exchange) {
		return this.callers.require(exchange, TokenKind.API_KEY).map(Partners::partnerOf);
	}

	private static Partner partner(TokenClaims claims, PartnerPermission permission) {
		Partner partner = partnerOf(claims);
		if (!claims.permissions().contains(permission.value())) {
			throw ApiException.forbidden("permission",
					"this API key lacks the permission '" + permission.value() + "' this endpoint needs");
		}
		return partner;
	}

	private static Partner partnerOf(TokenClaims claims) {
		if (claims.orgId() == null) {
			throw ApiException.unauthorized("Authorization", "API key names no partner organisation");
		}
		return new Partner(claims.orgId());
	}

}
