package com.chatsuite.gateway.security;

import java.util.List;

import com.chatsuite.gateway.routing.EndpointPattern;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which requests the gateway lets through without an access token (SPEC section 2). Every
 * other request of an API family needs the token kind of its family.
 *
 * @param publicEndpoints requests that need no token, as {@code [METHOD ]path-pattern}:
 * the token endpoints, the visitors' room creation, the JWK set, health and the API
 * documentation
 * @param roomTokenEndpoints visitor paths that need no access token when the request
 * carries a room token and no {@code Authorization} header (the service checks the room
 * token); with an {@code Authorization} header they need an agent token
 * @param roomTokenHeader the header that carries a visitor's room token
 * @param realm the realm named in {@code WWW-Authenticate} challenges
 */
@Validated
@ConfigurationProperties("suite.gateway.security")
public record GatewaySecurityProperties(@DefaultValue( {
		"GET /admin/access-token", "POST /admin/access-token/validate", "POST /admin/access-token/regenerate",
		"POST /platform/token", "/api/v2/room-control/**", "/.well-known/jwks.json", "/actuator/health/**", "GET /docs",
		"GET /docs/**", "GET /webjars/**", "GET /v3/api-docs/**" }) @NotNull List<EndpointPattern> publicEndpoints,
		@DefaultValue("/api/v2/room-service/**") @NotNull List<EndpointPattern> roomTokenEndpoints,
		@DefaultValue("X-Room-Token") @NotBlank String roomTokenHeader,
		@DefaultValue("chat-suite") @NotBlank String realm){

}
