package com.chatsuite.gateway.routing;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * The time limit and circuit breaker of the route to one service. A call not answered
 * within the time limit is abandoned with a
 * {@link java.util.concurrent.TimeoutException}; the breaker counts it, like a refused or
 * reset connection, as a failure, and while open refuses calls at once with a
 * {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException}. The gateway's
 * error handler answers both with 503 in the family's shape.
 * <p>
 * Two reactor operators per call, on resilience4j's own: Spring Cloud CircuitBreaker's
 * filter looked its breaker and time limiter up and wrapped them again on every request
 * (bench/gateway-bench.sh profile).
 */
final class UpstreamGuard implements GatewayFilter {

	private final CircuitBreaker breaker;

	private final CircuitBreakerOperator<Void> breakerOperator;

	private final Duration timeout;

	UpstreamGuard(CircuitBreaker breaker, Duration timeout) {
		this.breaker = breaker;
		this.breakerOperator = CircuitBreakerOperator.of(breaker);
		this.timeout = timeout;
	}

	/**
	 * The breaker alone, for event streams: a stream is open as long as its client
	 * listens, so no time limit applies; a refused or reset connection still counts.
	 * @param breaker the service's breaker
	 * @return the guard
	 */
	static UpstreamGuard withoutTimeLimit(CircuitBreaker breaker) {
		return new UpstreamGuard(breaker, null);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Mono<Void> call = chain.filter(exchange);
		if (this.timeout != null) {
			call = call.timeout(this.timeout);
		}
		return call.transformDeferred(this.breakerOperator);
	}

	@Override
	public String toString() {
		return "UpstreamGuard[" + this.breaker.getName() + ", timeout "
				+ ((this.timeout != null) ? this.timeout : "none") + "]";
	}

}
