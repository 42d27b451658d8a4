package com.chatsuite.gateway.errors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's own refusals in the error shape of the API family the request
 * addressed. Every filter that refuses a request answers through here.
 */
@Component
public class ApiErrorResponses {

	private final JsonMapper json;

	public ApiErrorResponses(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Answers the request with an error; headers set on the response before (for example
	 * {@code WWW-Authenticate}) are kept.
	 * @param exchange the exchange
	 * @param status the HTTP status
	 * @param message a human-readable reason
	 * @param field the request field or header at fault, if any
	 * @return completion of the write
	 */
	public Mono<Void> send(ServerWebExchange exchange, HttpStatus status, String message, @Nullable String field) {
		ApiFamily family = ApiFamily.of(exchange.getRequest().getPath().value());
		byte[] body = this.json.writeValueAsBytes(family.errorBody(status, message, field));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
