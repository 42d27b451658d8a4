package com.chatsuite.gateway.errors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ApiFamilyTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@CsvSource({ "/admin/operator/list, ADDON_ADMIN", "/admin, ADDON_ADMIN", "/auth/agent-tokens, ADDON_ADMIN",
			"/platform/token, ADDON_ADMIN", "/embed/widget-visibility, ADDON_ADMIN", "/partner/workspaces, PARTNER",
			"/v1/tickets, AGENT_TICKET", "/api/v2/room-control/create-room, CHAT_ROOM", "/administrator, OTHER",
			"/v10/x, OTHER", "/api/v2x, OTHER", "/.well-known/jwks.json, OTHER", "/, OTHER" })
	void familyIsToldByPathPrefix(String path, ApiFamily family) {
		assertThat(ApiFamily.of(path)).isEqualTo(family);
	}

	@Test
	void addonAdminErrorNamesTheField() {
		assertThat(body(ApiFamily.ADDON_ADMIN, HttpStatus.UNAUTHORIZED, "access token is missing", "access_token"))
			.isEqualTo("{\"status\":0,\"message\":\"access token is missing\","
					+ "\"errors\":[{\"field\":\"access_token\",\"message\":\"access token is missing\"}]}");
	}

	@Test
	void partnerErrorWithoutFieldHasEmptyErrors() {
		assertThat(body(ApiFamily.PARTNER, HttpStatus.TOO_MANY_REQUESTS, "slow down", null))
			.isEqualTo("{\"status\":\"error\",\"message\":\"slow down\",\"errors\":[]}");
	}

	@Test
	void ticketErrorIsTheDocumentedStatusAndTitle() {
		assertThat(body(ApiFamily.AGENT_TICKET, HttpStatus.UNAUTHORIZED, "expired", "Authorization"))
			.isEqualTo("{\"errors\":[{\"status\":\"401\",\"title\":\"not authorize\"}]}");
		assertThat(body(ApiFamily.AGENT_TICKET, HttpStatus.SERVICE_UNAVAILABLE, "down", null))
			.isEqualTo("{\"errors\":[{\"status\":\"503\",\"title\":\"service unavailable\"}]}");
		assertThat(body(ApiFamily.AGENT_TICKET, HttpStatus.CONTENT_TOO_LARGE, "big", null))
			.isEqualTo("{\"errors\":[{\"status\":\"413\",\"title\":\"content too large\"}]}");
	}

	@Test
	void chatRoomErrorIsSuccessFalseWithMessage() {
		assertThat(body(ApiFamily.CHAT_ROOM, HttpStatus.UNAUTHORIZED, "access token is missing", "Authorization"))
			.isEqualTo("{\"success\":false,\"message\":\"access token is missing\"}");
	}

	private String body(ApiFamily family, HttpStatus status, String message, String field) {
		return this.json.writeValueAsString(family.errorBody(status, message, field));
	}

}
