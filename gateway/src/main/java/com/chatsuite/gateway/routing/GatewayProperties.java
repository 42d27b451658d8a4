package com.chatsuite.gateway.routing;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway sends each path family.
 *
 * @param services the base URI of each service
 * @param docs the services whose OpenAPI documents the gateway serves
 */
@Validated
@ConfigurationProperties("suite.gateway")
public record GatewayProperties(@DefaultValue @Valid @NotNull Services services, @DefaultValue @NotNull Docs docs) {

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

		/**
		 * The base URI of a service by its name.
		 * @param service the service name, as in the route ids
		 * @return its base URI
		 * @throws IllegalArgumentException for a name that is not one of the five
		 */
		public URI uriOf(String service) {
			return switch (service) {
				case "auth-service" -> this.authService;
				case "operator-domain-service" -> this.operatorDomainService;
				case "partner-service" -> this.partnerService;
				case "ticket-service" -> this.ticketService;
				case "chat-room-service" -> this.chatRoomService;
				default -> throw new IllegalArgumentException("No service named '" + service + "'");
			};
		}

	}

	/**
	 * The API documentation the gateway serves.
	 *
	 * @param services the services that publish an OpenAPI document at
	 * {@code /v3/api-docs}, served by the gateway at {@code /v3/api-docs/<service>} and
	 * shown together at {@code /docs}
	 */
	public record Docs(@DefaultValue( {
			"auth-service", "operator-domain-service", "partner-service", "ticket-service",
			"chat-room-service" }) @NotNull List<String> services){
	}

}
