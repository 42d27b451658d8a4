package com.chatsuite.partner;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Drives the partner API in tests the way a partner would: with one partner's API key as
 * {@code Authorization: Bearer}.
 */
public final class PartnerApi {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WebTestClient web;

	private final String partnerId;

	private final String key;

	PartnerApi(WebTestClient web, String partnerId, List<String> permissions) {
		this.web = web;
		this.partnerId = partnerId;
		this.key = TestTokens.shared().apiKey(UUID.randomUUID().toString(), partnerId, permissions);
	}

	/** A new partner whose key holds every permission. */
	public static PartnerApi newPartner(WebTestClient web) {
		return new PartnerApi(web, "partner-" + UUID.randomUUID(), PartnerPermission.names());
	}

	/** Another key of the same partner, holding only the given permissions. */
	public PartnerApi withPermissions(List<String> permissions) {
		return new PartnerApi(this.web, this.partnerId, permissions);
	}

	public String partnerId() {
		return this.partnerId;
	}

	/** The API key itself. */
	public String key() {
		return this.key;
	}

	public WebTestClient.ResponseSpec get(String path) {
		return this.web.get().uri(path).header("Authorization", "Bearer " + this.key).exchange();
	}

	public WebTestClient.ResponseSpec post(String path, Map<String, ?> body) {
		return send(HttpMethod.POST, path, body, null);
	}

	public WebTestClient.ResponseSpec post(String path, Map<String, ?> body, String idempotencyKey) {
		return send(HttpMethod.POST, path, body, idempotencyKey);
	}

	/** A POST carrying a W3C {@code traceparent}, as a traced client sends it. */
	public WebTestClient.ResponseSpec postTraced(String path, Map<String, ?> body, String traceparent) {
		return this.web.post()
			.uri(path)
			.header("Authorization", "Bearer " + this.key)
			.header("traceparent", traceparent)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	public WebTestClient.ResponseSpec delete(String path) {
		return send(HttpMethod.DELETE, path, null, null);
	}

	public WebTestClient.ResponseSpec send(HttpMethod method, String path, Map<String, ?> body, String idempotencyKey) {
		WebTestClient.RequestBodySpec request = this.web.method(method)
			.uri(path)
			.header("Authorization", "Bearer " + this.key);
		if (idempotencyKey != null) {
			request = request.header("Idempotency-Key", idempotencyKey);
		}
		if (body == null) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	/** Creates a workspace for a new client on a plan and answers its id. */
	public String newWorkspace(String plan) {
		String name = "ws" + UUID.randomUUID().toString().substring(0, 12);
		return body(post("/partner/workspace/create",
				Map.of("name", "Workspace " + name, "sub_domain", name, "plan", plan, "client",
						Map.of("email", name + "@client.example", "name", "Client " + name)))
			.expectStatus()
			.isCreated()).path("data").path("id").asString();
	}

	/** The body of a response, whatever its status. */
	public static JsonNode body(WebTestClient.ResponseSpec response) {
		byte[] bytes = response.expectBody().returnResult().getResponseBody();
		return json.readTree((bytes != null) ? bytes : "{}".getBytes());
	}

}
