package com.chatsuite.directory;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint wants the addon access token, in the {@code access_token} header or as a
 * Bearer token, and refuses anything else in the addon error shape.
 */
@SuiteIntegrationTest
class AccessIntegrationTests extends DirectoryIntegrationTest {

	private static final List<Endpoint> ENDPOINTS = List.of(new Endpoint(HttpMethod.POST, "/admin/operator/create"),
			new Endpoint(HttpMethod.GET, "/admin/operator/some-id"),
			new Endpoint(HttpMethod.PUT, "/admin/operator/update/some-id"),
			new Endpoint(HttpMethod.POST, "/admin/domain/create"),
			new Endpoint(HttpMethod.GET, "/admin/domain/shop.example"),
			new Endpoint(HttpMethod.PUT, "/admin/domain/update/shop.example"),
			new Endpoint(HttpMethod.POST, "/admin/operator/assign"),
			new Endpoint(HttpMethod.PUT, "/admin/operator/assign/some-id"),
			new Endpoint(HttpMethod.POST, "/admin/check-widget-visiblity"));

	@Test
	void everyEndpointRefusesARequestWithoutToken() {
		for (Endpoint endpoint : ENDPOINTS) {
			assertRejected(call(endpoint, null).expectStatus().isUnauthorized(), "access_token",
					"access token is missing");
		}
	}

	@Test
	void everyEndpointRefusesAnAgentToken() {
		String agent = TestTokens.shared().agent("op-1", newOrganisation(), LIVECHAT);
		for (Endpoint endpoint : ENDPOINTS) {
			assertRejected(call(endpoint, "Bearer " + agent).expectStatus().isUnauthorized(), "access_token",
					"an agent token is not accepted here");
		}
	}

	@Test
	void everyEndpointRefusesAnExpiredAddonToken() {
		String orgId = newOrganisation();
		String expired = TestTokens.shared()
			.sign(TestTokens.shared()
				.base("addon", orgId, orgId, LIVECHAT)
				.expirationTime(Date.from(Instant.now().minusSeconds(3600))));
		for (Endpoint endpoint : ENDPOINTS) {
			assertRejected(call(endpoint, expired).expectStatus().isUnauthorized(), "access_token", "expired");
		}
	}

	@Test
	void addonTokenIsAlsoAcceptedAsBearerToken() {
		AdminApi livechat = newTenant(LIVECHAT);
		String operatorId = livechat.newOperator("ada@example.org");
		this.web.get()
			.uri("/admin/operator/{id}", operatorId)
			.headers((headers) -> headers.setBearerAuth(livechat.token()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data._id")
			.isEqualTo(operatorId);
	}

	@Test
	void unsupportedMediaTypeIsRefusedInTheAddonShape() {
		AdminApi livechat = newTenant(LIVECHAT);
		this.web.post()
			.uri("/admin/domain/create")
			.header("access_token", livechat.token())
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("domain_name=shop.example")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(0);
	}

	private WebTestClient.ResponseSpec call(Endpoint endpoint, String token) {
		WebTestClient.RequestBodySpec request = this.web.method(endpoint.method()).uri(endpoint.path());
		if (token != null && token.startsWith("Bearer ")) {
			request.header("Authorization", token);
		}
		else if (token != null) {
			request.header("access_token", token);
		}
		if (endpoint.method() == HttpMethod.GET) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("domain_name", "shop.example", "operator_id", "some-id", "email", "a@example.org"))
			.exchange();
	}

	private record Endpoint(HttpMethod method, String path) {
	}

}
