package com.chatsuite.auth;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What auth-service's integration tests share: the client and the usual calls.
 */
public abstract class AuthApiSupport {

	protected static final String PASSWORD = AuthApi.PASSWORD;

	@Autowired
	protected WebTestClient web;

	protected AuthApi api() {
		return new AuthApi(this.web);
	}

	protected WebTestClient.ResponseSpec validate(String accessToken, String refreshToken, String addon) {
		return this.web.post()
			.uri("/admin/access-token/validate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("access_token", accessToken, "refresh_token", refreshToken, "addon_unique_name", addon))
			.exchange();
	}

	protected WebTestClient.ResponseSpec regenerate(String accessToken, String refreshToken) {
		return this.web.post()
			.uri("/admin/access-token/regenerate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("access_token", accessToken, "refresh_token", refreshToken))
			.exchange();
	}

	protected static JsonNode body(WebTestClient.ResponseSpec response) {
		return AuthApi.body(response);
	}

}
