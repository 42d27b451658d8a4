package com.chatsuite.testsupport;

import java.time.Duration;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code WebTestClient}s for tests against real servers, each request on a connection of
 * its own.
 * <p>
 * An exchange that asserts only the status or headers never reads the response body
 * (spring-framework#29817), and with Reactor Netty's connection pool such a response
 * could spoil a later request in the same application context: one in CI waited out its
 * 30 s for an answer. Reproduced with 300 rounds of three requests to the gateway, the
 * third one's body left unread: 5 of 8 runs hung on some request after 100 to 300 rounds;
 * with every body read, 4 of 4 passed; with a connection per request and the body still
 * unread, 3 of 3 passed. Browsers and the suite's own clients read every body, so this is
 * the tests' client, not the servers.
 */
public final class TestWebClients {

	private TestWebClients() {
	}

	/**
	 * A connector that opens a new connection for every request.
	 * @return the connector
	 */
	public static ClientHttpConnector unpooledConnector() {
		return new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection()));
	}

	/**
	 * A client of a running server, with a connection per request.
	 * @param baseUrl the server's base URL
	 * @param timeout how long to wait for each answer
	 * @return the client
	 */
	public static WebTestClient toServer(String baseUrl, Duration timeout) {
		return WebTestClient.bindToServer(unpooledConnector()).baseUrl(baseUrl).responseTimeout(timeout).build();
	}

	/**
	 * Gives the {@code WebTestClient} of {@link SuiteIntegrationTest} a connection per
	 * request.
	 * @return the customizer
	 */
	static WebTestClientBuilderCustomizer unpooled() {
		return (builder) -> builder.clientConnector(unpooledConnector());
	}

}
