package com.chatsuite.gateway.security;

import java.time.Instant;
import java.util.List;

import com.chatsuite.support.security.TokenClaims;
import com.chatsuite.support.security.TokenKind;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHeadersTests {

	@Test
	void authenticatedRequestCarriesVerifiedIdentityAndBearerToken() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Auth-Org", "forged");
		headers.add("access_token", "the-token");
		TokenClaims claims = new TokenClaims(TokenKind.API_KEY, "key-3", "key-3", "org-2", "partner-co", "partner",
				null, List.of("a:read", "b:write"), null, Instant.now(), null);
		IdentityHeaders.authenticate(headers, claims, "the-token");
		assertThat(headers.get("X-Auth-Org")).containsExactly("org-2");
		assertThat(headers.getFirst("X-Auth-Kind")).isEqualTo("api_key");
		assertThat(headers.getFirst("X-Auth-Subject")).isEqualTo("key-3");
		assertThat(headers.getFirst("X-Auth-Org-Domain")).isEqualTo("partner-co");
		assertThat(headers.getFirst("X-Auth-Addon")).isEqualTo("partner");
		assertThat(headers.getFirst("X-Auth-Permissions")).isEqualTo("a:read,b:write");
		assertThat(headers.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer the-token");
	}

	@Test
	void agentTokenCarriesOperatorEmail() {
		HttpHeaders headers = new HttpHeaders();
		TokenClaims claims = new TokenClaims(TokenKind.AGENT, "operator-7", "jti", "org-1", "demo", "livechat", null,
				List.of(), "ann@demo.example", Instant.now(), Instant.now().plusSeconds(60));
		IdentityHeaders.authenticate(headers, claims, "t");
		assertThat(headers.getFirst("X-Auth-Email")).isEqualTo("ann@demo.example");
		assertThat(headers.containsHeader("X-Auth-Permissions")).isFalse();
	}

	@Test
	void platformTokenHasNoTenantHeaders() {
		HttpHeaders headers = new HttpHeaders();
		TokenClaims claims = new TokenClaims(TokenKind.PLATFORM, "platform-admin", "jti", null, null, null, null,
				List.of(), null, Instant.now(), Instant.now().plusSeconds(60));
		IdentityHeaders.authenticate(headers, claims, "t");
		assertThat(headers.headerNames()).containsExactlyInAnyOrder("X-Auth-Kind", "X-Auth-Subject",
				HttpHeaders.AUTHORIZATION);
	}

}
