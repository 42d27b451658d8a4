package com.chatsuite.ticket.agent;

import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The agent calling the agent ticket API: the operator of its verified agent token, in
 * the token's organisation and addon. Every call counts as a sign of life for idle
 * detection.
 */
@Component
public class CurrentAgent {

	private final Callers callers;

	private final Agents agents;

	CurrentAgent(Callers callers, Agents agents) {
		this.callers = callers;
		this.agents = agents;
	}

	/**
	 * Verifies the agent token and finds its agent.
	 * @param exchange the request
	 * @return the agent; 401 for a missing or bad token, 404 when the operator is not
	 * known (yet)
	 */
	public Mono<Agent> of(ServerWebExchange exchange) {
		return this.callers.require(exchange, TokenKind.AGENT)
			.flatMap((claims) -> this.agents.seen(Agent.key(claims.orgId(), claims.addon(), claims.subject())))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("agent", "the token's operator is not an agent")));
	}

}
