package com.chatsuite.support.security;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

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
 * @param verifiedTokenCacheSize how many tokens whose signature was checked are
 * remembered, so a token presented again skips parsing and the RSA check; 0 turns it off
 * @param verifiedTokenCacheTtl how long a checked signature is remembered; bounds how
 * long a token signed with a key that stops being published keeps passing (expiry, kind
 * and revocation are checked on every request regardless)
 */
@Validated
@ConfigurationProperties("suite.security")
public record SecurityProperties(@DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") @NotNull URI jwksUri,
		@DefaultValue("chat-suite") @NotBlank String issuer, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("5s") Duration jwksMinRefreshInterval,
		@DefaultValue("10000") @PositiveOrZero long verifiedTokenCacheSize,
		@DefaultValue("60s") @NotNull Duration verifiedTokenCacheTtl) {

}
