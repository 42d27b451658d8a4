package com.chatsuite.gateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.chatsuite.gateway.routing.EndpointPattern;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway lets one request and one client do.
 *
 * @param maxBodySize the largest request body accepted; larger ones answer 413
 * @param trustForwardedFor whether the client address is taken from
 * {@code X-Forwarded-For} (only behind a proxy that sets it), rather than from the TCP
 * connection
 * @param maxTrackedClients how many client addresses each rate limit remembers at most;
 * the least recently seen are forgotten first
 * @param rate the rate limits by name, each with the endpoints it covers
 */
@Validated
@ConfigurationProperties("suite.gateway.limits")
public record LimitsProperties(@DefaultValue("1MB") @NotNull DataSize maxBodySize,
		@DefaultValue("false") boolean trustForwardedFor, @DefaultValue("100000") @Positive long maxTrackedClients,
		@NotNull @DefaultValue Map<String, @Valid RateLimit> rate) {

	/**
	 * One rate limit: a token bucket per client address.
	 *
	 * @param endpoints the requests it covers, as {@code [METHOD ]path-pattern}
	 * @param capacity how many requests a client may make in one burst
	 * @param period how long a full refill of {@code capacity} takes
	 * @param anonymousOnly whether requests with an {@code Authorization} header are left
	 * out (server-side callers with a token are not limited by address)
	 */
	public record RateLimit(@NotEmpty List<EndpointPattern> endpoints, @Positive long capacity,
			@NotNull Duration period, @DefaultValue("false") boolean anonymousOnly) {

	}

}
