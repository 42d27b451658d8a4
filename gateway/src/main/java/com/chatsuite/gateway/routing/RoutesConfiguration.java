package com.chatsuite.gateway.routing;

import java.net.URI;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.BooleanSpec;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per API family, to the service that owns it (SPEC section 1). Each route runs
 * through a resilience4j circuit breaker named after its service, whose time limiter is
 * the route's timeout ({@code resilience4j.*} in {@code application.properties}).
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

	@Bean
	RouteLocator suiteRoutes(RouteLocatorBuilder routes, GatewayProperties properties) {
		GatewayProperties.Services services = properties.services();
		return routes.routes()
			.route("auth-service",
					(route) -> guarded(route.path("/admin/access-token", "/admin/access-token/**", "/auth/**",
							"/platform/**", "/.well-known/jwks.json"), "auth-service", services.authService()))
			.route("operator-domain-service",
					(route) -> guarded(
							route.path("/admin/operator/**", "/admin/domain/**", "/admin/check-widget-visiblity"),
							"operator-domain-service", services.operatorDomainService()))
			.route("partner-service",
					(route) -> guarded(route.path("/partner/**"), "partner-service", services.partnerService()))
			.route("ticket-service",
					(route) -> guarded(route.path("/v1/**"), "ticket-service", services.ticketService()))
			.route("chat-room-service",
					(route) -> guarded(route.path("/api/v2/**"), "chat-room-service", services.chatRoomService()))
			.build();
	}

	private static Buildable<Route> guarded(BooleanSpec route, String service, URI uri) {
		return route.filters((filters) -> filters.circuitBreaker((breaker) -> breaker.setName(service))).uri(uri);
	}

}
