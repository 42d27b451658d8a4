package com.chatsuite.support.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.security.TokenVerifier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Keeps health details (components, the Kafka cluster id and node count) for the platform
 * administrator on an application reachable from the internet: an answer of
 * {@code /actuator/health/**} is cut down to its status unless the request carries a
 * valid platform admin token as {@code Bearer}. The HTTP status is untouched, so probes
 * work as before. A health group or component that does not exist is a 404 with a body,
 * {@code {"status": 404, "message": ...}}, as every other path outside the API families,
 * not the actuator's empty answer.
 */
public class PublicHealthFilter implements WebFilter, Ordered {

	private static final String HEALTH = "/actuator/health";

	private static final String BEARER = "Bearer ";

	private final JsonMapper json = JsonMapper.builder().build();

	private final TokenVerifier verifier;

	public PublicHealthFilter(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(HEALTH)) {
			return chain.filter(exchange);
		}
		String path = exchange.getRequest().getPath().value();
		return isPlatformAdmin(exchange).flatMap((admin) -> chain
			.filter(exchange.mutate().response(new HealthAnswer(exchange.getResponse(), path, !admin)).build()));
	}

	private Mono<Boolean> isPlatformAdmin(ServerWebExchange exchange) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.startsWith(BEARER)) {
			return Mono.just(false);
		}
		return this.verifier.verify(authorization.substring(BEARER.length()).trim(), Set.of(TokenKind.PLATFORM))
			.map((claims) -> true)
			.onErrorReturn(false)
			.defaultIfEmpty(false);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	/**
	 * Writes {@code {"status": ...}} in place of the whole health answer unless the
	 * caller may see the details, and a body for a refusal that has none.
	 */
	private final class HealthAnswer extends ServerHttpResponseDecorator {

		private final String path;

		private final boolean statusOnly;

		HealthAnswer(ServerHttpResponse delegate, String path, boolean statusOnly) {
			super(delegate);
			this.path = path;
			this.statusOnly = statusOnly;
		}

		@Override
		public Mono<Void> setComplete() {
			HttpStatusCode code = getDelegate().getStatusCode();
			if (code == null || !code.is4xxClientError() || getDelegate().isCommitted()) {
				return super.setComplete();
			}
			// The actuator answers an unknown group or component with an empty 404.
			Map<String, Object> refusal = new LinkedHashMap<>();
			refusal.put("status", code.value());
			refusal.put("message", (code.value() == 404) ? "no health group or component at " + this.path
					: "the health check refused the request");
			byte[] body = PublicHealthFilter.this.json.writeValueAsBytes(refusal);
			getDelegate().getHeaders().setContentType(MediaType.APPLICATION_JSON);
			getDelegate().getHeaders().setContentLength(body.length);
			return getDelegate().writeWith(Mono.just(getDelegate().bufferFactory().wrap(body)));
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			if (!this.statusOnly) {
				return super.writeWith(body);
			}
			HttpStatusCode code = getDelegate().getStatusCode();
			if (code != null && code.is4xxClientError()) {
				// A refusal (405, 413, ...), not a health answer: it carries no details.
				return super.writeWith(body);
			}
			return DataBufferUtils.join(Flux.from(body)).flatMap((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				byte[] status = statusOf(bytes);
				getDelegate().getHeaders().setContentLength(status.length);
				return getDelegate().writeWith(Mono.just(getDelegate().bufferFactory().wrap(status)));
			});
		}

		private byte[] statusOf(byte[] answer) {
			JsonNode status = PublicHealthFilter.this.json.readTree(answer).path("status");
			return PublicHealthFilter.this.json
				.writeValueAsBytes(Map.of("status", status.isMissingNode() ? "UNKNOWN" : status.asString()));
		}

	}

}
