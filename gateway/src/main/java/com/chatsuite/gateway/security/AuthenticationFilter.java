package com.chatsuite.gateway.security;

import java.util.Optional;

import com.chatsuite.gateway.WebFilterOrder;
import com.chatsuite.gateway.errors.ApiErrorResponses;
import com.chatsuite.support.security.PresentedToken;
import com.chatsuite.support.security.TokenRejectedException;
import com.chatsuite.support.security.TokenRejectedException.Reason;
import com.chatsuite.support.security.TokenVerifier;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Authenticates every request before it is routed: public endpoints pass, every other
 * request of an API family needs a valid, unrevoked token of the family's kind, checked
 * locally with {@link TokenVerifier}. The verified caller is kept on the exchange for
 * {@link IdentityHeadersFilter}, which writes it on the request to the service. Refusals
 * are 401 (503 when the signing keys cannot be fetched) in the family's error shape; a
 * refused request still counts against its path's per-client limit
 * ({@link RefusalLimits}), and over it the answer is that limit's 429.
 */
@Component
class AuthenticationFilter implements WebFilter, Ordered {

	private final AccessRules rules;

	private final TokenVerifier verifier;

	private final ApiErrorResponses errors;

	private final String realm;

	private final ManagementPort managementPort;

	private final RefusalLimits limits;

	AuthenticationFilter(GatewaySecurityProperties properties, TokenVerifier verifier, ApiErrorResponses errors,
			RefusalLimits limits) {
		this(properties, verifier, errors, ManagementPort.NONE, limits);
	}

	@Autowired
	AuthenticationFilter(GatewaySecurityProperties properties, TokenVerifier verifier, ApiErrorResponses errors,
			ManagementPort managementPort, RefusalLimits limits) {
		this.rules = new AccessRules(properties);
		this.verifier = verifier;
		this.errors = errors;
		this.realm = properties.realm();
		this.managementPort = managementPort;
		this.limits = limits;
	}

	@Override
	public String toString() {
		// Names a checkpoint of the web filter chain on every request: keep it cheap.
		return "AuthenticationFilter";
	}

	@Override
	public int getOrder() {
		return WebFilterOrder.AUTHENTICATION;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.managementPort.received(exchange.getRequest())) {
			// The actuator's own port (probes, /actuator/prometheus), outside every API
			// family and reached from inside the cluster only.
			return chain.filter(exchange);
		}
		AccessRules.Access access = this.rules.accessOf(exchange.getRequest());
		if (access == AccessRules.Access.PUBLIC || access == AccessRules.Access.VISITOR) {
			return chain.filter(exchange);
		}
		String path = exchange.getRequest().getPath().value();
		TokenRealm tokenRealm = TokenRealm.of(path);
		if (tokenRealm == null) {
			return this.errors.send(exchange, HttpStatus.NOT_FOUND, "no API at " + path, null);
		}
		if (access == AccessRules.Access.ROOM_TOKEN) {
			if (this.rules.presentsRoomToken(exchange.getRequest())) {
				return chain.filter(exchange);
			}
			return refuse(exchange, tokenRealm, new TokenRejectedException(Reason.MISSING,
					"a room token (X-Room-Token) or an agent token (Authorization: Bearer) is required"));
		}
		return authenticate(exchange, tokenRealm)
			.onErrorResume(TokenRejectedException.class,
					(ex) -> refuse(exchange, tokenRealm, ex).then(Mono.<AuthenticatedCaller>empty()))
			.flatMap((caller) -> {
				exchange.getAttributes().put(AuthenticatedCaller.ATTRIBUTE, caller);
				return chain.filter(exchange);
			});
	}

	private Mono<AuthenticatedCaller> authenticate(ServerWebExchange exchange, TokenRealm tokenRealm) {
		String token;
		try {
			token = tokenRealm.tokenIn(exchange.getRequest().getHeaders());
		}
		catch (TokenRejectedException ex) {
			return Mono.error(ex);
		}
		return this.verifier.verify(token, tokenRealm.accepted())
			.map((claims) -> new AuthenticatedCaller(claims, token));
	}

	private Mono<Void> refuse(ServerWebExchange exchange, TokenRealm tokenRealm, TokenRejectedException ex) {
		if (ex.reason() != Reason.UNVERIFIABLE) {
			// A refused token does not take the request out of its path's limit.
			Optional<Mono<Void>> over = this.limits.overLimit(exchange);
			if (over.isPresent()) {
				return over.get();
			}
		}
		if (ex.reason() == Reason.UNVERIFIABLE) {
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.RETRY_AFTER, String.valueOf(PresentedToken.UNVERIFIABLE_RETRY_AFTER_SECONDS));
			return this.errors.send(exchange, HttpStatus.SERVICE_UNAVAILABLE,
					"access tokens cannot be checked right now (" + ex.getMessage() + "), try again later", null);
		}
		String message = ex.getMessage();
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.of(this.realm, ex.reason(), message));
		return this.errors.send(exchange, HttpStatus.UNAUTHORIZED, message, tokenRealm.tokenHeader());
	}

}
