package com.chatsuite.gateway.cors;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cross-origin access, allowed only on the public paths that the chat widget calls from
 * merchants' pages: the visitor's chat paths and the widget's visibility question. No
 * other path answers with CORS headers.
 *
 * @param paths the path patterns open to cross-origin calls
 * @param allowedOrigins the exact origins allowed, {@code *} for any (never with
 * credentials)
 * @param allowedMethods the methods allowed
 * @param allowedHeaders the request headers allowed
 * @param exposedHeaders the response headers scripts on other origins may read (the room
 * token of a new room)
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("suite.gateway.cors")
public record CorsProperties(@DefaultValue( {
		"/api/v2/room-control/**", "/api/v2/openChatRoom/**", "/api/v2/login/**", "/api/v2/extension/**",
		"/api/v2/init/**", "/api/v2/room-service/**", "/api/v2/rooms/*/stream",
		"/embed/widget-visibility" }) @NotNull List<String> paths,
		@DefaultValue("*") @NotNull List<String> allowedOrigins,
		@DefaultValue({ "GET", "POST", "DELETE", "OPTIONS" }) @NotNull List<String> allowedMethods,
		@DefaultValue({ "Content-Type", "X-Room-Token", "Last-Event-ID" }) @NotNull List<String> allowedHeaders,
		@DefaultValue("X-Room-Token") @NotNull List<String> exposedHeaders,
		@DefaultValue("1h") @NotNull Duration maxAge){

}
