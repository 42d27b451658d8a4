package com.chatsuite.support.health;

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
 * work as before.
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
		return isPlatformAdmin(exchange).flatMap((admin) -> admin ? chain.filter(exchange)
				: chain.filter(exchange.mutate().response(new StatusOnly(exchange.getResponse())).build()));
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

	/** Writes {@code {"status": ...}} in place of the whole health answer. */
	private final class StatusOnly extends ServerHttpResponseDecorator {

		StatusOnly(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
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
