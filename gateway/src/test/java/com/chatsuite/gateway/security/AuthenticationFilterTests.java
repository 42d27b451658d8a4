package com.chatsuite.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.gateway.errors.ApiErrorResponses;
import com.chatsuite.gateway.routing.EndpointPattern;
import com.chatsuite.gateway.routing.ProxyHeadersFilter;
import com.chatsuite.testsupport.MutableClock;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.support.security.RevocationList;
import com.chatsuite.support.security.SecurityProperties;
import com.chatsuite.support.security.TokenVerifier;
import com.chatsuite.support.security.VerificationKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationFilterTests {

	private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

	private final RevocationList revocations = new RevocationList(this.clock);

	private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();

	@Test
	void tokenIsAcceptedWithinClockSkewAndRefusedAsExpiredAfterIt() {
		AuthenticationFilter filter = filter(publishedKey());
		String token = Tokens.agent().withExpiry(this.clock.instant().plusSeconds(60)).compact();

		this.clock.advance(Duration.ofSeconds(60 + 29));
		MockServerWebExchange accepted = run(filter,
				MockServerHttpRequest.get("/v1/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
		assertThat(accepted.getResponse().getStatusCode()).isNull();
		assertThat(this.forwarded.get()).isNotNull();

		this.forwarded.set(null);
		this.clock.advance(Duration.ofSeconds(2));
		MockServerWebExchange refused = run(filter,
				MockServerHttpRequest.get("/v1/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
		assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.contains("access token has expired");
		assertThat(this.forwarded.get()).isNull();
	}

	@Test
	void accessTokenHeaderIsForwardedAsBearerTokenWithIdentity() {
		String token = Tokens.addon().compact();
		run(filter(publishedKey()),
				MockServerHttpRequest.get("/admin/domain/list")
					.header("access_token", token)
					.header("X-Auth-Org", "x"));
		ServerWebExchange passed = this.forwarded.get();
		AuthenticatedCaller caller = passed.getAttribute(AuthenticatedCaller.ATTRIBUTE);
		assertThat(caller.token()).isEqualTo(token);
		HttpHeaders sent = sentToService(passed);
		assertThat(sent.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
		assertThat(sent.get("X-Auth-Org")).containsExactly("org-1");
		assertThat(sent.getFirst("X-Auth-Kind")).isEqualTo("addon");
	}

	@Test
	void publicRequestReachesTheServiceWithoutClientIdentityHeaders() {
		run(filter(publishedKey()), MockServerHttpRequest.post("/platform/token").header("X-Auth-Kind", "platform"));
		ServerWebExchange passed = this.forwarded.get();
		assertThat(passed.getAttributes()).doesNotContainKey(AuthenticatedCaller.ATTRIBUTE);
		HttpHeaders sent = sentToService(passed);
		assertThat(sent.containsHeader("X-Auth-Kind")).isFalse();
	}

	@Test
	void tokensOfDisabledOrganisationAreRefused() {
		this.revocations.apply(CloudEvent.of("auth-service", "org-1", "org-1",
				new OrganisationDisabled("org-1", "demo", this.clock.instant()), this.clock.instant()));
		MockServerWebExchange refused = run(filter(publishedKey()), MockServerHttpRequest.get("/v1/tickets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.agent().compact()));
		assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.contains("organisation disabled");
	}

	@Test
	void unreachableSigningKeysAnswer503InFamilyShape() {
		MockServerWebExchange refused = run(
				filter((keyId) -> Mono.error(new IllegalStateException("connection refused"))),
				MockServerHttpRequest.get("/partner/workspaces")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + Tokens.apiKey().compact()));
		assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(refused.getResponse().getHeaders().containsHeader(HttpHeaders.WWW_AUTHENTICATE)).isFalse();
		StepVerifier.create(refused.getResponse().getBodyAsString())
			.assertNext(
					(body) -> assertThat(body).startsWith("{\"status\":\"error\",\"message\":\"access tokens cannot")
						.endsWith("\"errors\":[]}"))
			.verifyComplete();
	}

	/**
	 * The headers of the request routed to the service: the routing step's header
	 * filters.
	 */
	private static HttpHeaders sentToService(ServerWebExchange passed) {
		HttpHeaders proxied = ProxyHeadersFilter.forRequests(true, true)
			.filter(passed.getRequest().getHeaders(), passed);
		return new IdentityHeadersFilter().filter(proxied, passed);
	}

	private MockServerWebExchange run(AuthenticationFilter filter, MockServerHttpRequest.BaseBuilder<?> request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		filter.filter(exchange, (passed) -> {
			this.forwarded.set(passed);
			return Mono.empty();
		}).block(Duration.ofSeconds(5));
		return exchange;
	}

	private AuthenticationFilter filter(VerificationKeys keys) {
		SecurityProperties security = new SecurityProperties(URI.create("http://127.0.0.1:1/jwks"), "chat-suite",
				Duration.ofSeconds(30), Duration.ofSeconds(5), 100, Duration.ofMinutes(1));
		GatewaySecurityProperties gateway = new GatewaySecurityProperties(
				List.of(EndpointPattern.of("POST /platform/token")), List.of(), List.of(), List.of(), "X-Room-Token",
				"chat-suite");
		return new AuthenticationFilter(gateway, new TokenVerifier(keys, this.revocations, security, this.clock),
				new ApiErrorResponses(JsonMapper.builder().build()), RefusalLimits.NONE);
	}

	private static VerificationKeys publishedKey() {
		try {
			RSASSAVerifier verifier = new RSASSAVerifier(Tokens.PUBLISHED_KEY.toRSAPublicKey());
			return (keyId) -> Tokens.KEY_ID.equals(keyId) ? Mono.just(verifier) : Mono.empty();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
