package com.chatsuite.gateway.errors;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import com.chatsuite.gateway.correlation.ServerSpans;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.tracing.Tracer;
import io.netty.channel.ConnectTimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns what goes wrong behind the gateway into an answer in the family's error shape: a
 * service that is down, too slow or behind an open circuit breaker answers 503, a path no
 * route serves 404. Runs before Boot's default handler, also for the gateway's own paths
 * outside the four families (health, documentation), which answer {@code {"status":
 * <code>, "message": "..."}}.
 */
@Component
class GatewayErrorHandler implements WebExceptionHandler, Ordered {

	private static final Log logger = LogFactory.getLog(GatewayErrorHandler.class);

	private final ApiErrorResponses errors;

	private final @Nullable Tracer tracer;

	GatewayErrorHandler(ApiErrorResponses errors, ObjectProvider<Tracer> tracer) {
		this.errors = errors;
		this.tracer = tracer.getIfAvailable();
	}

	@Override
	public int getOrder() {
		return -2;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		String path = exchange.getRequest().getPath().value();
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		String service = serviceOf(exchange);
		if (causedBy(ex, CallNotPermittedException.class) || causedBy(ex, ServiceUnavailableException.class)) {
			// Not logged per request: the breaker's own state changes say when and why.
			return this.errors.send(exchange, HttpStatus.SERVICE_UNAVAILABLE,
					service + " is unavailable (circuit breaker open), try again later", null);
		}
		if (causedBy(ex, TimeoutException.class) || causedBy(ex, ConnectTimeoutException.class)
				|| hasStatus(ex, HttpStatus.GATEWAY_TIMEOUT)) {
			return unavailable(exchange, ex, service + " did not answer in time");
		}
		if (causedBy(ex, ConnectException.class) || causedBy(ex, IOException.class)) {
			return unavailable(exchange, ex, service + " is unavailable");
		}
		if (causedBy(ex, DataBufferLimitException.class)) {
			return this.errors.send(exchange, HttpStatus.CONTENT_TOO_LARGE, "request body is too large", null);
		}
		if (ex instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
			HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
			String message = (code == HttpStatus.NOT_FOUND) ? "no API at " + path
					: (status.getReason() != null) ? status.getReason() : code.getReasonPhrase();
			return this.errors.send(exchange, code, message, null);
		}
		ServerSpans.inScope(this.tracer, exchange,
				() -> logger.error("Unexpected failure on " + exchange.getRequest().getMethod() + " " + path, ex));
		return this.errors.send(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal error", null);
	}

	/**
	 * 503, logged with its cause: the caller sees only the message, the operator needs to
	 * know whether a service was down, slow or dropped the connection.
	 */
	private Mono<Void> unavailable(ServerWebExchange exchange, Throwable ex, String message) {
		ServerSpans
			.inScope(this.tracer, exchange,
					() -> logger.warn("503 for " + exchange.getRequest().getMethod() + " "
							+ exchange.getRequest().getPath().value() + ": " + message + " ("
							+ NestedExceptionUtils.getMostSpecificCause(ex) + ")"));
		return this.errors.send(exchange, HttpStatus.SERVICE_UNAVAILABLE, message, null);
	}

	private static String serviceOf(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null) ? route.getId() : "the service";
	}

	private static boolean hasStatus(Throwable ex, HttpStatus status) {
		return ex instanceof ResponseStatusException response && response.getStatusCode().value() == status.value();
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

}
