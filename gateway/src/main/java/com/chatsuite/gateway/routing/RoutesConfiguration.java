package com.chatsuite.gateway.routing;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per API family, to the service that owns it (SPEC section 1), and one per
 * published OpenAPI document ({@code /v3/api-docs/<service>}). Each route runs through
 * the resilience4j circuit breaker named after its service, and that service's time
 * limiter gives the route's timeout ({@code resilience4j.*} in
 * {@code application.properties}).
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

	private static final Log logger = LogFactory.getLog(RoutesConfiguration.class);

	/** Where services publish their OpenAPI document. */
	static final String API_DOCS = "/v3/api-docs";

	@Bean
	static ProxyHeadersRegistrar proxyHeadersRegistrar() {
		return new ProxyHeadersRegistrar();
	}

	@Bean
	RouteLocator suiteRoutes(RouteLocatorBuilder routes, GatewayProperties properties, CircuitBreakerRegistry breakers,
			TimeLimiterRegistry timeLimiters) {
		GatewayProperties.Services services = properties.services();
		Guards guards = new Guards(breakers, timeLimiters, ConcurrentHashMap.newKeySet());
		RouteLocatorBuilder.Builder builder = routes.routes()
			// Event streams first: they stay open as long as their client listens, so the
			// service's time limit does not apply to them.
			.route("chat-room-service-streams",
					(route) -> guards.stream(route.path("/api/v2/rooms/*/stream"), "chat-room-service",
							services.chatRoomService()))
			.route("ticket-service-streams",
					(route) -> guards.stream(route.path("/v1/stream"), "ticket-service", services.ticketService()))
			.route("auth-service",
					(route) -> guards.route(route.path("/admin/access-token", "/admin/access-token/**", "/auth/**",
							"/platform/**", "/.well-known/jwks.json"), "auth-service", services.authService()))
			.route("operator-domain-service",
					(route) -> guards.route(
							route.path("/admin/operator/**", "/admin/domain/**", "/admin/check-widget-visiblity",
									"/embed/widget-visibility"),
							"operator-domain-service", services.operatorDomainService()))
			.route("partner-service",
					(route) -> guards.route(route.path("/partner/**"), "partner-service", services.partnerService()))
			.route("ticket-service",
					(route) -> guards.route(route.path("/v1/**", "/admin/routing-settings"), "ticket-service",
							services.ticketService()))
			.route("chat-room-service",
					(route) -> guards.route(route.path("/api/v2/**"), "chat-room-service", services.chatRoomService()));
		// Last, so API requests are matched without looking at them: the services'
		// OpenAPI
		// documents, behind the same breaker as their API.
		for (String service : properties.docs().services()) {
			builder.route(service + "-api-docs", (route) -> guards.route(route.path(API_DOCS + "/" + service),
					(filters) -> filters.setPath(API_DOCS), service, services.uriOf(service)));
		}
		return builder.build();
	}

	private record Guards(CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters, Set<String> logged) {

		Buildable<Route> stream(BooleanSpec route, String service, URI uri) {
			UpstreamGuard guard = UpstreamGuard.withoutTimeLimit(breaker(service));
			return route.filters((spec) -> spec.filter(guard)).uri(uri);
		}

		Buildable<Route> route(BooleanSpec route, String service, URI uri) {
			return route(route, UnaryOperator.identity(), service, uri);
		}

		Buildable<Route> route(BooleanSpec route, UnaryOperator<GatewayFilterSpec> filters, String service, URI uri) {
			UpstreamGuard guard = new UpstreamGuard(breaker(service),
					this.timeLimiters.timeLimiter(service).getTimeLimiterConfig().getTimeoutDuration());
			return route.filters((spec) -> filters.apply(spec).filter(guard)).uri(uri);
		}

		/**
		 * The service's breaker, its state changes logged once: while it is open the
		 * gateway answers 503 without logging each request.
		 */
		private CircuitBreaker breaker(String service) {
			CircuitBreaker breaker = this.breakers.circuitBreaker(service);
			if (this.logged.add(service)) {
				breaker.getEventPublisher()
					.onStateTransition((event) -> logger.warn("Circuit breaker " + event.getCircuitBreakerName() + ": "
							+ event.getStateTransition().getFromState() + " -> "
							+ event.getStateTransition().getToState()));
			}
			return breaker;
		}

	}

}
