package com.chatsuite.support.security;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How tokens are verified in every application.
 *
 * @param jwksUri where auth-service publishes its public keys
 * @param issuer the {@code iss} every token must carry
 * @param clockSkew tolerance when checking expiry
 * @param jwksMinRefreshInterval shortest time between two fetches of the key set, so
 * tokens with made-up key ids cannot make the verifier hammer auth-service
 */
@Validated
@ConfigurationProperties("suite.security")
public record SecurityProperties(@DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") @NotNull URI jwksUri,
		@DefaultValue("chat-suite") @NotBlank String issuer, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("5s") Duration jwksMinRefreshInterval) {

}
