package com.chatsuite.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per API family, to the service that owns it (SPEC section 1).
 */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

	@Bean
	RouteLocator suiteRoutes(RouteLocatorBuilder routes, GatewayProperties properties) {
		GatewayProperties.Services services = properties.services();
		return routes.routes()
			.route("auth-service",
					(route) -> route
						.path("/admin/access-token", "/admin/access-token/**", "/auth/**", "/platform/**",
								"/.well-known/jwks.json")
						.uri(services.authService()))
			.route("operator-domain-service",
					(route) -> route.path("/admin/operator/**", "/admin/domain/**", "/admin/check-widget-visiblity")
						.uri(services.operatorDomainService()))
			.route("partner-service", (route) -> route.path("/partner/**").uri(services.partnerService()))
			.route("ticket-service", (route) -> route.path("/v1/**").uri(services.ticketService()))
			.route("chat-room-service", (route) -> route.path("/api/v2/**").uri(services.chatRoomService()))
			.build();
	}

}
