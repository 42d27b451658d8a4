package com.chatsuite.auth.agent;

import java.util.List;
import java.util.UUID;

import com.chatsuite.auth.AuthProperties;
import com.chatsuite.auth.token.TokenIssuer;
import com.chatsuite.contracts.api.AddonApiResponse;
import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.TokenClaims;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /auth/agent-tokens}: an organisation mints an agent token for one of its
 * active operators, for the agent ticket API.
 */
@RestController
class AgentTokenController {

	private final Callers callers;

	private final ReactiveMongoTemplate mongo;

	private final TokenIssuer issuer;

	private final AuthProperties properties;

	AgentTokenController(Callers callers, ReactiveMongoTemplate mongo, TokenIssuer issuer, AuthProperties properties) {
		this.callers = callers;
		this.mongo = mongo;
		this.issuer = issuer;
		this.properties = properties;
	}

	@PostMapping("/auth/agent-tokens")
	Mono<AddonApiResponse<AgentToken>> mint(ServerWebExchange exchange) {
		return this.callers.require(exchange, TokenKind.ADDON)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> mint(both.getT1(), both.getT2().requiredText("operator_id")))
			.map(AddonApiResponse::ok);
	}

	private Mono<AgentToken> mint(TokenClaims caller, String operatorId) {
		return this.mongo.findById(operatorId, KnownOperator.class)
			.filter((operator) -> caller.orgId().equals(operator.orgId()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("operator_id",
					"operator '" + operatorId + "' does not exist in this organisation")))
			.flatMap((operator) -> {
				if (!operator.isActiveIn(caller.addon())) {
					return Mono.error(new ApiException(HttpStatus.CONFLICT,
							"operator '" + operatorId + "' is not an active operator of addon '" + caller.addon() + "'",
							"operator_id"));
				}
				TokenClaims claims = new TokenClaims(TokenKind.AGENT, operator.id(), UUID.randomUUID().toString(),
						caller.orgId(), caller.orgDomain(), caller.addon(), null, List.of(), operator.email(), null,
						null);
				return this.issuer.issue(claims, this.properties.agentTokenTtl())
					.map((token) -> new AgentToken(token.value(), this.properties.agentTokenTtl().toSeconds()));
			});
	}

	/**
	 * An agent token.
	 *
	 * @param accessToken the token, presented as {@code Authorization: Bearer}
	 * @param expireIn seconds it stays valid
	 */
	record AgentToken(@JsonProperty("access_token") String accessToken, @JsonProperty("expire_in") long expireIn) {
	}

}
