package com.chatsuite.gateway.routing;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway sends each path family.
 *
 * @param services the base URI of each service
 */
@Validated
@ConfigurationProperties("suite.gateway")
public record GatewayProperties(@DefaultValue @Valid @NotNull Services services) {

	/**
	 * Base URIs of the services behind the gateway.
	 *
	 * @param authService auth-service: access tokens, {@code /auth/**},
	 * {@code /platform/**}
	 * @param operatorDomainService operator-domain-service: operators, domains, widget
	 * visibility
	 * @param partnerService partner-service: {@code /partner/**}
	 * @param ticketService ticket-service: {@code /v1/**}
	 * @param chatRoomService chat-room-service: {@code /api/v2/**}
	 */
	public record Services(@DefaultValue("http://127.0.0.1:8081") @NotNull URI authService,
			@DefaultValue("http://127.0.0.1:8082") @NotNull URI operatorDomainService,
			@DefaultValue("http://127.0.0.1:8083") @NotNull URI partnerService,
			@DefaultValue("http://127.0.0.1:8084") @NotNull URI ticketService,
			@DefaultValue("http://127.0.0.1:8085") @NotNull URI chatRoomService) {
	}

}
