package com.chatsuite.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on a random loopback port, standing in for one service. It answers
 * every request with what it received (service name, method, URI, headers, body length),
 * after a delay for paths containing {@code /slow}.
 */
public final class StubServer {

	/** How long {@code /slow} paths take. */
	public static final Duration SLOW = Duration.ofSeconds(3);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String name;

	private final AtomicInteger requests = new AtomicInteger();

	private final DisposableServer server;

	private StubServer(String name, Supplier<Mono<String>> fixedBody) {
		this.name = name;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> (fixedBody != null) ? fixed(response, fixedBody) : echo(request, response))
			.bindNow();
	}

	/**
	 * Starts a server that echoes requests.
	 * @param name the service it stands in for
	 * @return the running server
	 */
	public static StubServer echoing(String name) {
		return new StubServer(name, null);
	}

	/**
	 * Starts a server that answers every request with a fixed JSON body, or 503 when the
	 * supplier gives nothing.
	 * @param name what it stands in for
	 * @param body the body
	 * @return the running server
	 */
	public static StubServer answering(String name, Supplier<Mono<String>> body) {
		return new StubServer(name, body);
	}

	/** The base URI. */
	public String uri() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** How many requests reached it so far. */
	public int requests() {
		return this.requests.get();
	}

	private Mono<Void> fixed(HttpServerResponse response, Supplier<Mono<String>> body) {
		this.requests.incrementAndGet();
		return body.get()
			.flatMap((text) -> response.header("Content-Type", "application/json").sendString(Mono.just(text)).then())
			.switchIfEmpty(Mono.defer(() -> response.status(503).send().then()));
	}

	private Mono<Void> echo(HttpServerRequest request, HttpServerResponse response) {
		this.requests.incrementAndGet();
		Duration delay = request.uri().contains("/slow") ? SLOW : Duration.ZERO;
		return request.receive()
			.aggregate()
			.asByteArray()
			.defaultIfEmpty(new byte[0])
			.delayElement(delay)
			.flatMap((body) -> response.header("Content-Type", "application/json")
				.sendString(Mono.just(describe(request, body)))
				.then());
	}

	private String describe(HttpServerRequest request, byte[] body) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.requestHeaders()
			.forEach((header) -> headers
				.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), (key) -> new ArrayList<>())
				.add(header.getValue()));
		Map<String, Object> received = new LinkedHashMap<>();
		received.put("service", this.name);
		received.put("method", request.method().name());
		received.put("uri", request.uri());
		received.put("headers", headers);
		received.put("bodyLength", body.length);
		return json.writeValueAsString(received);
	}

}
