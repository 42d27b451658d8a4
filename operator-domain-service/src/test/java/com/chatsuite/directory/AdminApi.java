package com.chatsuite.directory;

import java.util.Map;

import com.chatsuite.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Drives the addon admin API of operator-domain-service in tests, the way an addon would:
 * with one organisation's access token for one addon, in the {@code access_token} header.
 */
public final class AdminApi {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WebTestClient web;

	private final String token;

	private final String orgId;

	private final String addon;

	AdminApi(WebTestClient web, String orgId, String addon) {
		this.web = web;
		this.orgId = orgId;
		this.addon = addon;
		this.token = TestTokens.shared().addon(orgId, addon);
	}

	public String orgId() {
		return this.orgId;
	}

	public String addon() {
		return this.addon;
	}

	public String token() {
		return this.token;
	}

	public WebTestClient.ResponseSpec createOperator(Map<String, ?> body) {
		return send(HttpMethod.POST, "/admin/operator/create", body);
	}

	/** Creates an operator and answers its id. */
	public String newOperator(String email) {
		return body(createOperator(Map.of("email", email)).expectStatus().isOk()).path("data").path("id").asString();
	}

	public WebTestClient.ResponseSpec getOperator(String id) {
		return this.web.get().uri("/admin/operator/{id}", id).header("access_token", this.token).exchange();
	}

	public WebTestClient.ResponseSpec updateOperator(String id, Map<String, ?> body) {
		return send(HttpMethod.PUT, "/admin/operator/update/" + id, body);
	}

	public WebTestClient.ResponseSpec createDomain(Map<String, ?> body) {
		return send(HttpMethod.POST, "/admin/domain/create", body);
	}

	/** Registers a domain and answers its stored name. */
	public String newDomain(String name) {
		return body(createDomain(Map.of("domain_name", name, "email", "owner@" + name)).expectStatus().isOk())
			.path("data")
			.path("name")
			.asString();
	}

	public WebTestClient.ResponseSpec getDomain(String name) {
		return this.web.get().uri("/admin/domain/{name}", name).header("access_token", this.token).exchange();
	}

	public WebTestClient.ResponseSpec updateDomain(String name, Map<String, ?> body) {
		return send(HttpMethod.PUT, "/admin/domain/update/" + name, body);
	}

	public WebTestClient.ResponseSpec assign(Map<String, ?> body) {
		return send(HttpMethod.POST, "/admin/operator/assign", body);
	}

	/** Assigns an operator to a domain, expecting success. */
	public void assigned(String domain, String operatorId) {
		assign(Map.of("domain_name", domain, "operator_id", operatorId)).expectStatus().isOk();
	}

	public WebTestClient.ResponseSpec updateAssignment(String operatorId, Map<String, ?> body) {
		return send(HttpMethod.PUT, "/admin/operator/assign/" + operatorId, body);
	}

	public WebTestClient.ResponseSpec checkVisibility(String domain) {
		return send(HttpMethod.POST, "/admin/check-widget-visiblity", Map.of("domain_name", domain));
	}

	public WebTestClient.ResponseSpec visibilityWithout() {
		return send(HttpMethod.POST, "/admin/check-widget-visiblity", Map.of());
	}

	/** The visibility answer's body. */
	public JsonNode visibility(String domain) {
		return body(checkVisibility(domain));
	}

	private WebTestClient.ResponseSpec send(HttpMethod method, String path, Map<String, ?> body) {
		return this.web.method(method)
			.uri(path)
			.header("access_token", this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/** Reads a response body as JSON. */
	public static JsonNode body(WebTestClient.ResponseSpec response) {
		byte[] bytes = response.expectBody().returnResult().getResponseBody();
		return json.readTree(bytes);
	}

}
