package com.chatsuite.gateway.limits;

import com.chatsuite.gateway.WebFilterOrder;
import com.chatsuite.gateway.errors.ApiErrorResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over the configured size with 413 in the family's error shape,
 * before anything reaches a service. A declared {@code Content-Length} is checked
 * directly; a chunked body is read up to the limit first and forwarded with its length.
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

	private final long maxBytes;

	private final ApiErrorResponses errors;

	RequestSizeFilter(LimitsProperties properties, ApiErrorResponses errors) {
		this.maxBytes = properties.maxBodySize().toBytes();
		this.errors = errors;
	}

	@Override
	public String toString() {
		// Names a checkpoint of the web filter chain on every request: keep it cheap.
		return "RequestSizeFilter";
	}

	@Override
	public int getOrder() {
		return WebFilterOrder.REQUEST_SIZE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		long declared = headers.getContentLength();
		if (declared > this.maxBytes) {
			return tooLarge(exchange);
		}
		if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(this.maxBytes, Integer.MAX_VALUE))
			.map((body) -> withBody(exchange, body))
			.defaultIfEmpty(exchange)
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> tooLarge(exchange).then(Mono.<ServerWebExchange>empty()))
			.flatMap(chain::filter);
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange) {
		return this.errors.send(exchange, HttpStatus.CONTENT_TOO_LARGE,
				"request body is larger than " + this.maxBytes + " bytes", null);
	}

	/**
	 * The request with its body read: a copy on the heap, so nothing is left to release.
	 */
	private static ServerWebExchange withBody(ServerWebExchange exchange, DataBuffer joined) {
		byte[] bytes = new byte[joined.readableByteCount()];
		joined.read(bytes);
		DataBufferUtils.release(joined);
		ServerHttpRequest sized = exchange.getRequest().mutate().headers((headers) -> {
			headers.remove(HttpHeaders.TRANSFER_ENCODING);
			headers.setContentLength(bytes.length);
		}).build();
		ServerHttpRequest request = new ServerHttpRequestDecorator(sized) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
			}
		};
		return exchange.mutate().request(request).build();
	}

}
