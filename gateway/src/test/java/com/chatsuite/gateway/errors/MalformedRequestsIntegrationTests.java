package com.chatsuite.gateway.errors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.StubUpstreams;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.json.JsonCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that are not well-formed are answered in the family's error shape, never with
 * an empty body or Spring Boot's default error page, and never reach a service: targets
 * that are not valid URIs and request lines or headers over the server's limits (refused
 * before any filter runs), and paths with dot segments, encoded slashes or control
 * characters.
 */
@SuiteIntegrationTest
class MalformedRequestsIntegrationTests extends StubbedGatewayTest {

	@LocalServerPort
	private int port;

	@Test
	void invalidEscapeInTheQueryIsRefusedInTheFamilysShape() throws IOException {
		int before = StubUpstreams.TICKET.requests();
		String answer = exchange("GET /v1/tickets?closed=%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
				+ Tokens.agent().compact() + "\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertThat(body(answer)).isEqualTo("{\"errors\":[{\"status\":\"400\",\"title\":\"bad request\"}]}");
		assertThat(StubUpstreams.TICKET.requests()).isEqualTo(before);
	}

	@Test
	void charactersAUriCannotHoldAreRefusedInTheFamilysShape() throws IOException {
		String answer = exchange("POST /api/v2/room-service/?room_id={\"a\"} HTTP/1.1\r\nHost: x\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertThat(body(answer)).startsWith("{\"success\":false,\"message\":\"the request target is not a valid URI");
	}

	@Test
	void requestLineOverTheLimitIs414() throws IOException {
		String answer = exchange("GET /admin/operator/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 414 ");
		assertThat(body(answer)).isEqualTo("{\"status\":0,\"message\":\"the request line is too long\",\"errors\":[]}");
	}

	@Test
	void headersOverTheLimitAre431() throws IOException {
		String answer = exchange("GET /v1/info HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 431 ");
		assertThat(body(answer))
			.isEqualTo("{\"errors\":[{\"status\":\"431\",\"title\":\"request header fields too large\"}]}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v2/room-service/..", "/api/v2/room-service/%2e%2e/x", "/api/v2/room-service/%2E./x",
			"/api/v2/room-service/..;x=1/y", "/api/v2/a%2Fb/room-service/", "/api/v2/a%5Cb/", "/api/v2/a%00b/",
			"/api/v2/./room-service/" })
	void pathsWithDotSegmentsEncodedSlashesOrControlCharactersAreRefused(String path) throws IOException {
		int before = StubUpstreams.CHAT_ROOM.requests();
		String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertThat(body(answer)).startsWith("{\"success\":false,\"message\":\"");
		assertThat(StubUpstreams.CHAT_ROOM.requests()).isEqualTo(before);
	}

	@Test
	void dotSegmentsBelowHealthAreRefused() throws IOException {
		String answer = exchange(
				"GET /actuator/health/readiness/%2e%2e/%2e%2e/actuator/env HTTP/1.1\r\nHost: x\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400 ");
		assertThat(body(answer))
			.isEqualTo("{\"status\":400,\"message\":\"the path must not contain '.' or '..' segments\"}");
	}

	@Test
	void unknownPathsOutsideTheFamiliesAnswerStatusAndMessage() {
		this.web.get()
			.uri("/docs/no-such-page")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_FOUND)
			.expectBody()
			.json("{\"status\":404,\"message\":\"no API at /docs/no-such-page\"}", JsonCompareMode.STRICT);
		this.web.post()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(405)
			.jsonPath("$.message")
			.isNotEmpty();
	}

	@Test
	void aWellFormedRequestOnTheSameKindOfConnectionStillGoesThrough() throws IOException {
		String answer = exchange("GET /v1/tickets?closed=true HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
				+ Tokens.agent().compact() + "\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 200 ");
	}

	/** One request on a connection of its own; the answer as text, read to the end. */
	private String exchange(String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.setSoTimeout(20_000);
			socket.connect(new InetSocketAddress("127.0.0.1", this.port));
			OutputStream out = socket.getOutputStream();
			out.write(request.replace("HTTP/1.1\r\nHost: x\r\n", "HTTP/1.1\r\nHost: x\r\nConnection: close\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String body(String answer) {
		return answer.substring(answer.indexOf("\r\n\r\n") + 4);
	}

}
