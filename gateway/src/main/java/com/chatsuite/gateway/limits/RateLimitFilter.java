package com.chatsuite.gateway.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.chatsuite.gateway.WebFilterOrder;
import com.chatsuite.gateway.errors.ApiErrorResponses;
import com.chatsuite.gateway.limits.LimitsProperties.RateLimit;
import com.chatsuite.gateway.routing.EndpointPattern;
import com.chatsuite.gateway.security.AuthenticatedCaller;
import com.chatsuite.gateway.security.RefusalLimits;
import io.github.bucket4j.TimeMeter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits how often one client address may call the token endpoints and the public visitor
 * paths. Runs after authentication, so only a verified token exempts a caller from a
 * limit that spares authenticated callers: a header that merely looks like one does not,
 * and a request refused for its token is counted all the same (the authentication filter
 * asks, as {@link RefusalLimits}). Over the limit the answer is 429 with
 * {@code Retry-After} (seconds), in the family's error shape.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered, RefusalLimits {

	private final List<Policy> policies = new ArrayList<>();

	private final ClientAddresses clients;

	private final ApiErrorResponses errors;

	RateLimitFilter(LimitsProperties properties, ApiErrorResponses errors) {
		for (Map.Entry<String, RateLimit> entry : properties.rate().entrySet()) {
			this.policies.add(new Policy(entry.getKey(), entry.getValue(), new ClientRateLimiter(entry.getValue(),
					properties.maxTrackedClients(), TimeMeter.SYSTEM_NANOTIME)));
		}
		this.clients = new ClientAddresses(properties.trustForwardedFor());
		this.errors = errors;
	}

	@Override
	public String toString() {
		// Names a checkpoint of the web filter chain on every request: keep it cheap.
		return "RateLimitFilter";
	}

	@Override
	public int getOrder() {
		return WebFilterOrder.RATE_LIMIT;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return overLimit(exchange).orElseGet(() -> chain.filter(exchange));
	}

	@Override
	public Optional<Mono<Void>> overLimit(ServerWebExchange exchange) {
		Policy policy = policyFor(exchange);
		if (policy == null) {
			return Optional.empty();
		}
		Duration wait = policy.limiter().tryAcquire(this.clients.of(exchange.getRequest()));
		if (wait.isZero()) {
			return Optional.empty();
		}
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return Optional.of(this.errors.send(exchange, HttpStatus.TOO_MANY_REQUESTS,
				"too many requests to " + policy.name() + ", retry in " + seconds + " s", null));
	}

	private Policy policyFor(ServerWebExchange exchange) {
		for (Policy policy : this.policies) {
			if (policy.covers(exchange)) {
				return policy;
			}
		}
		return null;
	}

	private record Policy(String name, RateLimit limit, ClientRateLimiter limiter) {

		boolean covers(ServerWebExchange exchange) {
			if (this.limit.anonymousOnly() && AuthenticatedCaller.isAuthenticated(exchange)) {
				return false;
			}
			for (EndpointPattern endpoint : this.limit.endpoints()) {
				if (endpoint.matches(exchange.getRequest())) {
					return true;
				}
			}
			return false;
		}

	}

}
