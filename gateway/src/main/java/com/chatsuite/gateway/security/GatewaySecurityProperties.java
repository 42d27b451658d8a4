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
 * the token endpoints, the JWK set, health, the API documentation, the chat widget and
 * its visibility question, and the agent console's pages
 * @param visitorEndpoints the visitors' room opening: no access token needed; with an
 * {@code Authorization} header it is verified like any other (an agent token on the chat
 * room API), so a junk header neither passes nor escapes the visitor rate limit
 * @param roomTokenEndpoints visitor calls on one room: without {@code Authorization} they
 * need a room token (checked by chat-room-service, the one token the gateway does not
 * verify); with it, an agent token
 * @param roomTokenQueryEndpoints room-token endpoints that also accept the room token as
 * the {@code token} query parameter, for browsers' {@code EventSource}, which cannot send
 * headers
 * @param roomTokenHeader the header that carries a visitor's room token
 * @param realm the realm named in {@code WWW-Authenticate} challenges
 */
@Validated
@ConfigurationProperties("suite.gateway.security")
public record GatewaySecurityProperties(@DefaultValue( {
		"GET /admin/access-token", "POST /admin/access-token/validate", "POST /admin/access-token/regenerate",
		"POST /platform/token", "/.well-known/jwks.json", "/actuator/health/**", "GET /docs", "GET /docs/**",
		"GET /webjars/**", "GET /v3/api-docs/**", "GET /widget/**", "GET /embed/widget-visibility", "GET /console",
		"GET /console/**" }) @NotNull List<EndpointPattern> publicEndpoints,
		@DefaultValue({ "POST /api/v2/room-control/**", "POST /api/v2/openChatRoom/**", "POST /api/v2/login/**",
				"POST /api/v2/extension/**", "GET /api/v2/init/**" }) @NotNull List<EndpointPattern> visitorEndpoints,
		@DefaultValue({ "/api/v2/room-service/**",
				"GET /api/v2/rooms/*/stream" }) @NotNull List<EndpointPattern> roomTokenEndpoints,
		@DefaultValue("GET /api/v2/rooms/*/stream") @NotNull List<EndpointPattern> roomTokenQueryEndpoints,
		@DefaultValue("X-Room-Token") @NotBlank String roomTokenHeader,
		@DefaultValue("chat-suite") @NotBlank String realm){

}
