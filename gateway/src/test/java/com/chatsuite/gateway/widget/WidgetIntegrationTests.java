package com.chatsuite.gateway.widget;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget script and the agent console, served by the gateway itself without a token.
 */
@SuiteIntegrationTest
class WidgetIntegrationTests extends StubbedGatewayTest {

	@LocalServerPort
	private int port;

	@Test
	void widgetScriptIsPublicCachedAndRevalidatedWithItsEtag() {
		EntityExchangeResult<byte[]> script = this.web.get()
			.uri("/widget/seller_buyer_chat_system.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/javascript"))
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public")
			.expectBody()
			.returnResult();
		String etag = script.getResponseHeaders().getETag();
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		assertThat(new String(script.getResponseBody(), StandardCharsets.UTF_8)).contains("attachShadow",
				"/embed/widget-visibility", "Last-Event-ID");

		this.web.get()
			.uri("/widget/seller_buyer_chat_system.js")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectBody()
			.isEmpty();
		// Every addon with a widget gets the same script, which reads its addon from its
		// URL.
		this.web.get()
			.uri("/widget/livechat.js")
			.header(HttpHeaders.IF_NONE_MATCH, etag)
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void widgetScriptIsSentCompressedAndSmall() throws Exception {
		// A client that neither asks for nor undoes compression by itself.
		HttpClient client = HttpClient.newHttpClient();
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/widget/livechat.js");
		HttpResponse<byte[]> plain = client.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> compressed = client.send(
				HttpRequest.newBuilder(uri).header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(plain.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
		assertThat(compressed.statusCode()).isEqualTo(200);
		assertThat(compressed.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
		assertThat(compressed.headers().firstValue(HttpHeaders.VARY)).hasValue(HttpHeaders.ACCEPT_ENCODING);
		assertThat(compressed.body().length).isLessThan(15 * 1024);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
			assertThat(in.readAllBytes()).isEqualTo(plain.body());
		}
	}

	@Test
	void onlyAddonsWithAWidgetHaveAScript() {
		this.web.get().uri("/widget/partner.js").exchange().expectStatus().isNotFound();
		this.web.get().uri("/widget/livechat.css").exchange().expectStatus().isNotFound();
	}

	@Test
	void consoleIsServedWithoutATokenAndCallsOnlyTheGateway() {
		this.web.get()
			.uri("/console")
			.exchange()
			.expectStatus()
			.isPermanentRedirect()
			.expectHeader()
			.location("/console/");
		String page = this.web.get()
			.uri("/console/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<title>Agent console", "src=\"console.js\"", "href=\"console.css\"");
		String script = this.web.get()
			.uri("/console/console.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(script).contains("/auth/agent-tokens", "/v1/stream").doesNotContain("http://", "https://");
		this.web.get().uri("/console/console.css").exchange().expectStatus().isOk();
	}

}
