package com.chatsuite.gateway.security;

import java.time.Instant;

import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.Echo;
import com.chatsuite.gateway.support.StubServer;
import com.chatsuite.gateway.support.StubUpstreams;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SuiteIntegrationTest
class AuthenticationIntegrationTests extends StubbedGatewayTest {

	private static final String BEARER_MISSING = "Bearer realm=\"chat-suite\"";

	// --- every family accepts its own token kind and routes to its service

	@Test
	void addonTokenInAccessTokenHeaderReachesOperatorDomainServiceAsBearerToken() {
		String token = Tokens.addon().compact();
		Echo received = routed(
				this.web.get().uri("/admin/operator/list?page=2").header("access_token", token).exchange());
		assertThat(received.service()).isEqualTo("operator-domain-service");
		assertThat(received.uri()).isEqualTo("/admin/operator/list?page=2");
		assertThat(received.header(HttpHeaders.AUTHORIZATION)).containsExactly("Bearer " + token);
		assertThat(received.header("X-Auth-Kind")).containsExactly("addon");
		assertThat(received.header("X-Auth-Subject")).containsExactly("org-1");
		assertThat(received.header("X-Auth-Org")).containsExactly("org-1");
		assertThat(received.header("X-Auth-Org-Domain")).containsExactly("demo");
		assertThat(received.header("X-Auth-Addon")).containsExactly("livechat");
	}

	@Test
	void addonBearerTokenReachesWidgetVisibilityCheck() {
		Echo received = routed(this.web.post()
			.uri("/admin/check-widget-visiblity")
			.headers((headers) -> headers.setBearerAuth(Tokens.addon().compact()))
			.bodyValue("{\"domain\":\"shop.example\"}")
			.exchange());
		assertThat(received.service()).isEqualTo("operator-domain-service");
		assertThat(received.bodyLength()).isEqualTo(25);
	}

	@Test
	void addonTokenReachesAuthServiceOnAuthPaths() {
		Echo received = routed(this.web.post()
			.uri("/auth/agent-tokens")
			.headers((headers) -> headers.setBearerAuth(Tokens.addon().compact()))
			.exchange());
		assertThat(received.service()).isEqualTo("auth-service");
		assertThat(received.header("X-Auth-Kind")).containsExactly("addon");
	}

	@Test
	void platformTokenReachesAuthServiceOnPlatformPaths() {
		Echo received = routed(this.web.post()
			.uri("/platform/organisations")
			.headers((headers) -> headers.setBearerAuth(Tokens.platform().compact()))
			.exchange());
		assertThat(received.service()).isEqualTo("auth-service");
		assertThat(received.header("X-Auth-Kind")).containsExactly("platform");
		assertThat(received.header("X-Auth-Subject")).containsExactly("platform-admin");
		assertThat(received.header("X-Auth-Org")).isEmpty();
	}

	@Test
	void apiKeyReachesPartnerServiceWithItsPermissions() {
		Echo received = routed(this.web.get()
			.uri("/partner/workspaces")
			.headers((headers) -> headers.setBearerAuth(Tokens.apiKey().compact()))
			.exchange());
		assertThat(received.service()).isEqualTo("partner-service");
		assertThat(received.header("X-Auth-Kind")).containsExactly("api_key");
		assertThat(received.header("X-Auth-Org")).containsExactly("org-2");
		assertThat(received.header("X-Auth-Permissions")).containsExactly("workspaces:read,workspaces:write");
	}

	@Test
	void agentTokenReachesTicketService() {
		Echo received = routed(this.web.get()
			.uri("/v1/tickets?limit=5")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.exchange());
		assertThat(received.service()).isEqualTo("ticket-service");
		assertThat(received.uri()).isEqualTo("/v1/tickets?limit=5");
		assertThat(received.header("X-Auth-Kind")).containsExactly("agent");
		assertThat(received.header("X-Auth-Subject")).containsExactly("operator-7");
	}

	@Test
	void agentTokenReachesChatRoomServiceOnServerSidePaths() {
		Echo received = routed(this.web.get()
			.uri("/api/v2/room-service/get-rooms")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.exchange());
		assertThat(received.service()).isEqualTo("chat-room-service");
		assertThat(received.header("X-Auth-Kind")).containsExactly("agent");
	}

	// --- public endpoints

	@Test
	void tokenEndpointsNeedNoToken() {
		assertThat(routed(this.web.get().uri("/admin/access-token?organisation_domain=demo").exchange()).service())
			.isEqualTo("auth-service");
		assertThat(routed(this.web.post().uri("/admin/access-token/validate").exchange()).service())
			.isEqualTo("auth-service");
		assertThat(routed(this.web.post().uri("/admin/access-token/regenerate").exchange()).service())
			.isEqualTo("auth-service");
		assertThat(routed(this.web.post().uri("/platform/token").exchange()).service()).isEqualTo("auth-service");
	}

	@Test
	void otherMethodsOnTokenEndpointsNeedAToken() {
		this.web.delete().uri("/admin/access-token").exchange().expectStatus().isUnauthorized();
		this.web.get().uri("/platform/token").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void visitorsCreateRoomsWithoutToken() {
		Echo received = routed(this.web.post().uri("/api/v2/room-control/create-room").exchange());
		assertThat(received.service()).isEqualTo("chat-room-service");
		assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEmpty();
	}

	@Test
	void visitorsWithRoomTokenReachRoomServiceWithoutAccessToken() {
		Echo received = routed(this.web.get()
			.uri("/api/v2/room-service/get-messages?room_id=r1")
			.header("X-Room-Token", "room-secret")
			.exchange());
		assertThat(received.service()).isEqualTo("chat-room-service");
		assertThat(received.header("X-Room-Token")).containsExactly("room-secret");
	}

	@Test
	void roomServiceWithoutRoomTokenNeedsAgentToken() {
		this.web.get()
			.uri("/api/v2/room-service/get-messages")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.json("""
					{"success":false,
					 "message":"a room token (X-Room-Token) or an agent token (Authorization: Bearer) is required"}
					""", JsonCompareMode.STRICT);
	}

	@Test
	void roomTokenWithAuthorizationHeaderNeedsValidAgentToken() {
		this.web.get()
			.uri("/api/v2/room-service/get-messages")
			.header("X-Room-Token", "room-secret")
			.header(HttpHeaders.AUTHORIZATION, "Bearer forged")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void jwkSetAndHealthArePublic() {
		assertThat(routed(this.web.get().uri("/.well-known/jwks.json").exchange()).service()).isEqualTo("auth-service");
		this.web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void pathsOutsideEveryFamilyAreNotFound() {
		this.web.get().uri("/internal/secrets").exchange().expectStatus().isNotFound();
	}

	// --- refusals, in the exact shape of the family addressed

	@Test
	void missingTokenIsRefusedInAddonShapeNamingAccessTokenField() {
		refused(this.web.get().uri("/admin/operator/list"), StubUpstreams.OPERATOR_DOMAIN).expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, BEARER_MISSING)
			.expectBody()
			.json("""
					{"status":0,"message":"access token is missing",
					 "errors":[{"field":"access_token","message":"access token is missing"}]}
					""", JsonCompareMode.STRICT);
	}

	@Test
	void malformedTokenIsRefusedInPartnerShape() {
		refused(this.web.get().uri("/partner/workspaces").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"),
				StubUpstreams.PARTNER)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer realm=\"chat-suite\", error=\"invalid_token\", error_description=\"access token is malformed\"")
			.expectBody()
			.json("""
					{"status":"error","message":"access token is malformed",
					 "errors":[{"field":"Authorization","message":"access token is malformed"}]}
					""", JsonCompareMode.STRICT);
	}

	@Test
	void expiredTokenIsRefusedInTicketShape() {
		String expired = Tokens.agent().withExpiry(Instant.now().minusSeconds(300)).compact();
		refused(this.web.get().uri("/v1/tickets").headers((headers) -> headers.setBearerAuth(expired)),
				StubUpstreams.TICKET)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer realm=\"chat-suite\", error=\"invalid_token\", error_description=\"access token has expired\"")
			.expectBody()
			.json("{\"errors\":[{\"status\":\"401\",\"title\":\"not authorize\"}]}", JsonCompareMode.STRICT);
	}

	@Test
	void tokenOfWrongKindIsRefusedInChatShape() {
		String addonToken = Tokens.addon().compact();
		refused(this.web.get()
			.uri("/api/v2/room-service/get-rooms")
			.headers((headers) -> headers.setBearerAuth(addonToken)), StubUpstreams.CHAT_ROOM).expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, ".*error=\"invalid_token\".*wrong kind.*")
			.expectBody()
			.json("""
					{"success":false,"message":"wrong kind of token: an addon token is not accepted here"}
					""", JsonCompareMode.STRICT);
	}

	@Test
	void agentTokenIsNotAcceptedOnAdminPaths() {
		refused(this.web.get().uri("/admin/domain/list").header("access_token", Tokens.agent().compact()),
				StubUpstreams.OPERATOR_DOMAIN)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(0)
			.jsonPath("$.message")
			.isEqualTo("wrong kind of token: an agent token is not accepted here");
	}

	@Test
	void tokenWithBadSignatureIsRefused() {
		String forged = Tokens.platform().signedWith(Tokens.IMPOSTOR_KEY).compact();
		refused(this.web.get().uri("/platform/organisations").headers((headers) -> headers.setBearerAuth(forged)),
				StubUpstreams.AUTH)
			.expectBody()
			.json("""
					{"status":0,"message":"access token signature is invalid",
					 "errors":[{"field":"Authorization","message":"access token signature is invalid"}]}
					""", JsonCompareMode.STRICT);
	}

	@Test
	void tokenSignedWithUnpublishedKeyIsRefused() {
		String unknown = Tokens.addon().signedWith(Tokens.UNPUBLISHED_KEY).compact();
		refused(this.web.post().uri("/auth/api-keys").header("access_token", unknown), StubUpstreams.AUTH).expectBody()
			.jsonPath("$.message")
			.isEqualTo("access token is signed with an unknown key");
	}

	@Test
	void authorizationOtherThanBearerIsRefused() {
		refused(this.web.get().uri("/v1/agents").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz"),
				StubUpstreams.TICKET)
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, ".*not a Bearer token.*")
			.expectBody()
			.json("{\"errors\":[{\"status\":\"401\",\"title\":\"not authorize\"}]}", JsonCompareMode.STRICT);
	}

	// --- identity headers

	@Test
	void identityHeadersSentByClientAreReplacedByVerifiedOnes() {
		Echo received = routed(this.web.get()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.header("X-Auth-Org", "someone-elses-org")
			.header("X-Auth-Subject", "admin")
			.header("x-auth-kind", "platform")
			.header("X-Auth-Addon", "partner")
			.header("X-Auth-Org-Domain", "evil")
			.header("X-Auth-Impersonate", "yes")
			.exchange());
		assertThat(received.header("X-Auth-Org")).containsExactly("org-1");
		assertThat(received.header("X-Auth-Subject")).containsExactly("operator-7");
		assertThat(received.header("X-Auth-Kind")).containsExactly("agent");
		assertThat(received.header("X-Auth-Addon")).containsExactly("livechat");
		assertThat(received.header("X-Auth-Org-Domain")).containsExactly("demo");
		assertThat(received.headersStartingWith("x-auth-")).containsExactly("x-auth-addon", "x-auth-kind", "x-auth-org",
				"x-auth-org-domain", "x-auth-subject");
	}

	@Test
	void identityHeadersSentToPublicEndpointsAreRemoved() {
		Echo received = routed(this.web.post()
			.uri("/api/v2/room-control/create-room")
			.header("X-Auth-Org", "org-1")
			.header("X-Auth-Kind", "agent")
			.exchange());
		assertThat(received.headersStartingWith("x-auth-")).isEmpty();
	}

	private static WebTestClient.ResponseSpec refused(WebTestClient.RequestHeadersSpec<?> request, StubServer service) {
		int before = service.requests();
		WebTestClient.ResponseSpec response = request.exchange().expectStatus().isUnauthorized();
		assertThat(service.requests()).as("requests that reached " + service.uri()).isEqualTo(before);
		return response;
	}

}
