package com.chatsuite.gateway.metrics;

import java.nio.charset.StandardCharsets;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.context.SmartLifecycle;

/**
 * Serves {@code GET /actuator/prometheus} on the gateway's metrics port, outside the
 * public server: none of the gateway's filters or routes apply there, and nothing else is
 * answered (404). Only while the actuator shares the public port (the local run): with a
 * management port of its own the actuator serves the metrics there.
 */
class MetricsServer implements SmartLifecycle {

	static final String PATH = "/actuator/prometheus";

	private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

	private static final Log logger = LogFactory.getLog(MetricsServer.class);

	private final PrometheusMeterRegistry registry;

	private final MetricsProperties properties;

	private volatile DisposableServer server;

	MetricsServer(PrometheusMeterRegistry registry, MetricsProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.server = HttpServer.create()
			.host(this.properties.address())
			.port(this.properties.port())
			.route((routes) -> routes
				.get(PATH, (request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
					.sendByteArray(Mono.fromCallable(() -> this.registry.scrape().getBytes(StandardCharsets.UTF_8))
						// Formatting every meter takes a few milliseconds: not on an
						// event loop.
						.subscribeOn(Schedulers.boundedElastic())))
				.route((request) -> true, (request, response) -> response.status(HttpResponseStatus.NOT_FOUND).send()))
			.bindNow();
		logger.info("Prometheus metrics on port " + this.server.port() + " at " + PATH);
	}

	@Override
	public void stop() {
		DisposableServer current = this.server;
		if (current != null) {
			current.disposeNow();
			this.server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

	/**
	 * The port listened on.
	 * @return the port, {@code -1} when not running
	 */
	int port() {
		DisposableServer current = this.server;
		return (current != null) ? current.port() : -1;
	}

}
