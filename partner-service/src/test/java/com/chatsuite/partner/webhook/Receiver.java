package com.chatsuite.partner.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A webhook receiver on a real local port: records what it is sent and answers a status
 * the test chooses; it can be stopped (connections refused) and started again on the same
 * port.
 */
final class Receiver implements AutoCloseable {

	private final AtomicInteger status = new AtomicInteger(204);

	private volatile Duration delay = Duration.ZERO;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile int port;

	private volatile DisposableServer server;

	Receiver() {
		start();
	}

	synchronized void start() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(this.port)
			.route((routes) -> routes.post("/hook", (request,
					response) -> request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
						Map<String, List<String>> headers = new HashMap<>();
						request.requestHeaders()
							.forEach((header) -> headers
								.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
								.add(header.getValue()));
						int answer = this.status.get();
						this.received.add(new Received(headers, body, answer));
						Duration delay = this.delay;
						return delay.isZero() ? response.status(answer).send()
								: Mono.delay(delay).then(response.status(answer).send());
					})))
			.bindNow();
		this.port = this.server.port();
	}

	synchronized void stop() {
		this.server.disposeNow();
	}

	void answer(int status) {
		this.status.set(status);
	}

	/** Answers each request only after the given time, so that calls pile up. */
	void answerAfter(Duration delay) {
		this.delay = delay;
	}

	String url() {
		return "http://127.0.0.1:" + this.port + "/hook";
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The requests it answered with a 2xx. */
	List<Received> accepted() {
		return this.received.stream().filter((request) -> request.status() >= 200 && request.status() < 300).toList();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/**
	 * A request received.
	 *
	 * @param headers its headers, names in lower case
	 * @param body its body
	 * @param status the status it was answered with
	 */
	record Received(Map<String, List<String>> headers, String body, int status) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null) ? values.get(0) : null;
		}

	}

}
