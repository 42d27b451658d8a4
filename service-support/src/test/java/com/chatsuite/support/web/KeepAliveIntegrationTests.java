package com.chatsuite.support.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.chatsuite.support.sample.SampleApplication;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP server keeps reading a keep-alive connection whatever order its requests end
 * in. With reactor-netty 1.3.6 (reactor-netty#4361), a request that arrived while the one
 * before it was still being answered, and was then answered at once, left the connection
 * unread: the next request on it waited until the client gave up. The gateway's pooled
 * connections met it now and then, as a 503 "did not answer in time" for a request the
 * service never saw (the fuzz test of suite-tests).
 */
@SuiteIntegrationTest(classes = SampleApplication.class)
class KeepAliveIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void aConnectionIsStillReadAfterAQuickAnswerQueuedBehindASlowerOne() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			InputStream in = new BufferedInputStream(socket.getInputStream());
			// Two requests in one write: the second arrives while the first (a health
			// check that asks MongoDB) is still being answered, and is answered at once.
			send(socket, request("GET", "/actuator/health/readiness") + request("OPTIONS", "/actuator/health"));
			assertThat(statusOf(in)).isEqualTo(200);
			assertThat(statusOf(in)).isEqualTo(200);
			for (int i = 0; i < 3; i++) {
				send(socket, request("GET", "/actuator/health/liveness"));
				assertThat(statusOf(in)).as("answer %d after the queued one", i + 1).isEqualTo(200);
			}
		}
	}

	private static String request(String method, String path) {
		return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
	}

	private static void send(Socket socket, String requests) throws IOException {
		socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
	}

	/** Reads one response with a {@code Content-Length} and gives its status. */
	private static int statusOf(InputStream in) throws IOException {
		String statusLine = line(in);
		int length = -1;
		for (String header = line(in); !header.isEmpty(); header = line(in)) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(lower.substring("content-length:".length()).trim());
			}
		}
		assertThat(length).as("Content-Length of '%s'", statusLine).isNotNegative();
		assertThat(in.readNBytes(length)).hasSize(length);
		return Integer.parseInt(statusLine.split(" ")[1]);
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("the connection closed in the middle of an answer");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

}
