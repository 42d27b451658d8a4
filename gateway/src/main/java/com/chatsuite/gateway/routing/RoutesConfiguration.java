package com.chatsuite.gateway.routing;

import java.net.URI;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per API family, to the service that owns it (SPEC section 1). Each route runs
 * through the resilience4j circuit breaker named after its service, and that service's
 * time limiter gives the route's timeout ({@code resilience4j.*} in
 * {@code application.properties}).
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

	@Bean
	static ProxyHeadersRegistrar proxyHeadersRegistrar() {
		return new ProxyHeadersRegistrar();
	}

	@Bean
	RouteLocator suiteRoutes(RouteLocatorBuilder routes, GatewayProperties properties, CircuitBreakerRegistry breakers,
			TimeLimiterRegistry timeLimiters) {
		GatewayProperties.Services services = properties.services();
		Guards guards = new Guards(breakers, timeLimiters);
		return routes.routes()
			.route("auth-service",
					(route) -> guards.route(route.path("/admin/access-token", "/admin/access-token/**", "/auth/**",
							"/platform/**", "/.well-known/jwks.json"), "auth-service", services.authService()))
			.route("operator-domain-service",
					(route) -> guards.route(
							route.path("/admin/operator/**", "/admin/domain/**", "/admin/check-widget-visiblity"),
							"operator-domain-service", services.operatorDomainService()))
			.route("partner-service",
					(route) -> guards.route(route.path("/partner/**"), "partner-service", services.partnerService()))
			.route("ticket-service",
					(route) -> guards.route(route.path("/v1/**"), "ticket-service", services.ticketService()))
			.route("chat-room-service",
					(route) -> guards.route(route.path("/api/v2/**"), "chat-room-service", services.chatRoomService()))
			.build();
	}

	private record Guards(CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {

		Buildable<Route> route(BooleanSpec route, String service, URI uri) {
			UpstreamGuard guard = new UpstreamGuard(this.breakers.circuitBreaker(service),
					this.timeLimiters.timeLimiter(service).getTimeLimiterConfig().getTimeoutDuration());
			return route.filters((filters) -> filters.filter(guard)).uri(uri);
		}

	}

}
