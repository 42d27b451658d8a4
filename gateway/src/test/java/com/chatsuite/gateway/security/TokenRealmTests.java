package com.chatsuite.gateway.security;

import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.security.TokenRejectedException;
import com.chatsuite.support.security.TokenRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenRealmTests {

	@ParameterizedTest
	@CsvSource({ "/admin/operator/list, ADMIN, ADDON", "/auth/api-keys, AUTH, ADDON",
			"/platform/organisations, PLATFORM, PLATFORM", "/partner/workspaces, PARTNER, API_KEY",
			"/v1/tickets, TICKETS, AGENT", "/api/v2/room-service/get-rooms, CHAT, AGENT" })
	void eachFamilyAcceptsOneTokenKind(String path, TokenRealm realm, TokenKind kind) {
		assertThat(TokenRealm.of(path)).isEqualTo(realm);
		assertThat(realm.accepted()).containsExactly(kind);
	}

	@Test
	void pathsOutsideTheFamiliesHaveNoRealm() {
		assertThat(TokenRealm.of("/actuator/info")).isNull();
		assertThat(TokenRealm.of("/v1beta/x")).isNull();
	}

	@Test
	void adminTakesAccessTokenHeaderBeforeBearer() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("access_token", " header-token ");
		headers.setBearerAuth("bearer-token");
		assertThat(TokenRealm.ADMIN.tokenIn(headers)).isEqualTo("header-token");
		assertThat(TokenRealm.ADMIN.tokenHeader()).isEqualTo("access_token");
	}

	@Test
	void adminFallsBackToBearer() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, "bearer abc.def.ghi");
		assertThat(TokenRealm.AUTH.tokenIn(headers)).isEqualTo("abc.def.ghi");
	}

	@Test
	void bearerOnlyRealmsIgnoreAccessTokenHeader() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("access_token", "header-token");
		assertThat(TokenRealm.TICKETS.tokenIn(headers)).isNull();
		assertThat(TokenRealm.TICKETS.tokenHeader()).isEqualTo(HttpHeaders.AUTHORIZATION);
	}

	@Test
	void authorizationOtherThanBearerIsMalformed() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("user", "password");
		assertThatExceptionOfType(TokenRejectedException.class).isThrownBy(() -> TokenRealm.PARTNER.tokenIn(headers))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.MALFORMED));
	}

}
