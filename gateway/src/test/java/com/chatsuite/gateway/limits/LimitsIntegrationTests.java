package com.chatsuite.gateway.limits;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.Echo;
import com.chatsuite.gateway.support.StubUpstreams;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SuiteIntegrationTest
class LimitsIntegrationTests extends StubbedGatewayTest {

	private static final int ONE_MIB = 1024 * 1024;

	// --- body size

	@Test
	void bodyOverOneMebibyteWithContentLengthIsRefusedBeforeReachingService() {
		int before = StubUpstreams.PARTNER.requests();
		this.web.post()
			.uri("/partner/workspaces")
			.headers((headers) -> headers.setBearerAuth(Tokens.apiKey().compact()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[ONE_MIB + 1])
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.json("""
					{"status":"error","message":"request body is larger than 1048576 bytes","errors":[]}
					""", JsonCompareMode.STRICT);
		assertThat(StubUpstreams.PARTNER.requests()).isEqualTo(before);
	}

	@Test
	void chunkedBodyOverOneMebibyteIsRefusedBeforeReachingService() {
		int before = StubUpstreams.TICKET.requests();
		this.web.post()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.body(chunks(ONE_MIB + 1), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.json("{\"errors\":[{\"status\":\"413\",\"title\":\"content too large\"}]}", JsonCompareMode.STRICT);
		assertThat(StubUpstreams.TICKET.requests()).isEqualTo(before);
	}

	@Test
	void chunkedBodyOfExactlyOneMebibyteIsForwardedWhole() {
		Echo received = routed(this.web.post()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.body(chunks(ONE_MIB), DataBuffer.class)
			.exchange());
		assertThat(received.bodyLength()).isEqualTo(ONE_MIB);
		assertThat(received.header(HttpHeaders.CONTENT_LENGTH)).containsExactly(String.valueOf(ONE_MIB));
	}

	@Test
	void bodyOfExactlyOneMebibyteWithContentLengthIsForwarded() {
		Echo received = routed(this.web.post()
			.uri("/api/v2/room-control/create-room")
			.header("X-Forwarded-For", uniqueClient())
			.bodyValue(new byte[ONE_MIB])
			.exchange());
		assertThat(received.bodyLength()).isEqualTo(ONE_MIB);
	}

	// --- rate limits

	@Test
	void tokenEndpointAnswers429WithRetryAfterOnceClientUsedItsTwentyRequests() {
		String client = uniqueClient();
		EntityExchangeResult<byte[]> refused = firstRefusal(20, () -> tokenRequest(client));
		assertThat(Integer.parseInt(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1, 10);
		Map<String, Object> body = json(refused);
		assertThat(body).containsEntry("status", 0).containsEntry("errors", List.of());
		assertThat((String) body.get("message")).startsWith("too many requests");
		// Another client is not affected.
		tokenRequest(uniqueClient()).expectStatus().isOk();
	}

	@Test
	void platformTokenEndpointSharesTheTokenEndpointLimit() {
		String client = uniqueClient();
		EntityExchangeResult<byte[]> refused = firstRefusal(20,
				() -> this.web.post().uri("/platform/token").header("X-Forwarded-For", client).exchange());
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
	}

	@Test
	void visitorPathsAnswer429InChatShapeAfterSixtyRequests() {
		String client = "198.51.100.7, " + uniqueClient();
		EntityExchangeResult<byte[]> refused = firstRefusal(60, () -> visitorRequest(client));
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(json(refused)).containsOnlyKeys("success", "message").containsEntry("success", false);
	}

	@Test
	void aJunkAuthorizationHeaderNeitherPassesNorEscapesTheVisitorLimit() {
		String client = uniqueClient();
		// Refused for its token, and counted like any visitor's request all the same.
		EntityExchangeResult<byte[]> refused = null;
		// The bucket refills 6 a second: the first 429 comes after 60 requests and those
		// refilled meanwhile.
		for (int sent = 0; sent < 300 && refused == null; sent++) {
			EntityExchangeResult<byte[]> response = junkAuthorization(client).expectBody().returnResult();
			if (response.getStatus().value() == 429) {
				assertThat(sent).as("requests refused for their token before the first 429").isGreaterThanOrEqualTo(60);
				refused = response;
			}
			else {
				assertThat(response.getStatus().value()).isEqualTo(401);
			}
		}
		assertThat(refused).as("a 429 within 300 requests").isNotNull();
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(json(refused)).containsEntry("success", false);
	}

	private WebTestClient.ResponseSpec junkAuthorization(String client) {
		return this.web.post()
			.uri("/api/v2/room-control/")
			.header("X-Forwarded-For", client)
			.header(HttpHeaders.AUTHORIZATION, "Bearer junk")
			.exchange();
	}

	@Test
	void serverSideCallsWithTokenAreNotLimitedByAddress() {
		String client = uniqueClient();
		String agent = Tokens.agent().compact();
		for (int i = 0; i < 70; i++) {
			this.web.get()
				.uri("/api/v2/room-service/get-rooms")
				.header("X-Forwarded-For", client)
				.headers((headers) -> headers.setBearerAuth(agent))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Void.class);
		}
	}

	@Test
	void widgetVisibilityQuestionAnswers429AfterThirtyFromOneClient() {
		String client = uniqueClient();
		EntityExchangeResult<byte[]> refused = firstRefusal(30,
				() -> this.web.get()
					.uri("/embed/widget-visibility?organisation=o1&addon=livechat&domain=shop.example")
					.header("X-Forwarded-For", client)
					.exchange());
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		// The widget script itself is not limited: browsers cache it.
		for (int i = 0; i < 40; i++) {
			this.web.get()
				.uri("/widget/livechat.js")
				.header("X-Forwarded-For", client)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Void.class);
		}
	}

	// --- CORS

	@Test
	void widgetMayAskItsVisibilityFromAnotherOriginWithoutAToken() {
		Echo received = routed(this.web.get()
			.uri("/embed/widget-visibility?organisation=o1&addon=livechat&domain=shop.example")
			.header(HttpHeaders.ORIGIN, "https://shop.example")
			.header("X-Forwarded-For", uniqueClient())
			.exchange()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
		assertThat(received.service()).isEqualTo("operator-domain-service");
		assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEmpty();
	}

	@Test
	void preflightOnPublicChatPathIsAllowedFromAnyOrigin() {
		this.web.options()
			.uri("/api/v2/room-control/create-room")
			.header(HttpHeaders.ORIGIN, "https://shop.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Content-Type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> assertThat(methods).contains("POST"))
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
	}

	@Test
	void preflightOnAdminPathGetsNoCorsHeaders() {
		this.web.options()
			.uri("/admin/operator/list")
			.header(HttpHeaders.ORIGIN, "https://shop.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "access_token")
			.exchange()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
	}

	@Test
	void crossOriginCallToAdminPathGetsNoCorsHeaders() {
		this.web.get()
			.uri("/admin/operator/list")
			.header(HttpHeaders.ORIGIN, "https://shop.example")
			.header("access_token", Tokens.addon().compact())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectHeader()
			.doesNotExist(HttpHeaders.VARY);
	}

	@Test
	void crossOriginVisitorCallIsAllowed() {
		this.web.post()
			.uri("/api/v2/room-control/create-room")
			.header(HttpHeaders.ORIGIN, "https://shop.example")
			.header("X-Forwarded-For", uniqueClient())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "X-Room-Token");
	}

	@Test
	void aWidgetMayResumeTheRoomStreamFromAnotherOrigin() {
		this.web.options()
			.uri("/api/v2/rooms/r1/stream")
			.header(HttpHeaders.ORIGIN, "https://shop.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "last-event-id")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
	}

	/**
	 * Sends requests until one is refused. The buckets refill continuously, so a few more
	 * than the capacity may pass while the test runs, but never fewer.
	 */
	private static EntityExchangeResult<byte[]> firstRefusal(int capacity,
			Supplier<WebTestClient.ResponseSpec> request) {
		for (int sent = 0; sent < capacity * 2; sent++) {
			EntityExchangeResult<byte[]> response = request.get().expectBody().returnResult();
			if (response.getStatus().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
				assertThat(sent).as("requests allowed before the first 429").isGreaterThanOrEqualTo(capacity);
				return response;
			}
			assertThat(response.getStatus().value()).isEqualTo(200);
		}
		throw new AssertionError("no request was refused after " + capacity * 2);
	}

	private WebTestClient.ResponseSpec tokenRequest(String client) {
		return this.web.get()
			.uri("/admin/access-token?organisation_domain=demo")
			.header("X-Forwarded-For", client)
			.exchange();
	}

	private WebTestClient.ResponseSpec visitorRequest(String client) {
		return this.web.post().uri("/api/v2/room-control/create-room").header("X-Forwarded-For", client).exchange();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(EntityExchangeResult<byte[]> result) {
		return JsonMapper.builder().build().readValue(result.getResponseBody(), Map.class);
	}

	private static String uniqueClient() {
		return "client-" + UUID.randomUUID();
	}

	private static Flux<DataBuffer> chunks(int total) {
		int chunk = 64 * 1024;
		return Flux.range(0, (total + chunk - 1) / chunk).map((i) -> {
			byte[] bytes = new byte[Math.min(chunk, total - i * chunk)];
			Arrays.fill(bytes, (byte) 'a');
			return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
		});
	}

}
