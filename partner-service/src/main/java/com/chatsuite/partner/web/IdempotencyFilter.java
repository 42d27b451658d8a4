package com.chatsuite.partner.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@code Idempotency-Key} on every state-changing partner call (SPEC section 3): the
 * first request with a key runs and its successful answer is stored; the same key with
 * the same method, path and body answers that again and changes nothing; the same key
 * with another request is 422; a key whose first request still runs is 409. A request
 * that fails, or is given up on, frees its key, so the client may retry it with the same
 * key (or send another request with it); a retry of the same request is the same
 * {@link IdempotentOperation}, so an endpoint that records its change under the
 * operation's id does not make it twice when the attempt before made it and its answer
 * was lost. Keys are scoped to the partner.
 */
@Component
class IdempotencyFilter implements WebFilter {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED_HEADER = "Idempotent-Replayed";

	/**
	 * How long an attempt holds its key at most: longer than any request runs (the
	 * gateway gives up after 5 s). A failed or cancelled attempt frees it at once.
	 */
	static final Duration LEASE = Duration.ofSeconds(30);

	private static final String STILL_RUNNING = "the first request with this " + HEADER
			+ " is still being processed; try again shortly";

	private static final int MAX_KEY_LENGTH = 255;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Partners partners;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	IdempotencyFilter(Partners partners, ReactiveMongoTemplate mongo, Clock clock) {
		this.partners = partners;
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String key = exchange.getRequest().getHeaders().getFirst(HEADER);
		HttpMethod method = exchange.getRequest().getMethod();
		boolean changes = HttpMethod.POST.equals(method) || HttpMethod.DELETE.equals(method);
		if (key == null || !changes || !exchange.getRequest().getPath().value().startsWith("/partner/")) {
			return chain.filter(exchange);
		}
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			return Mono.error(ApiException.badRequest(HEADER, HEADER + " must have 1 to 255 characters"));
		}
		// A request without a valid key is refused by its endpoint, in the usual way.
		// The work below completes empty, so the choice is made before it: the chain
		// runs once, not again after the first run as a switchIfEmpty would run it.
		return this.partners.any(exchange)
			.map((partner) -> Optional.of(partner.id() + ":" + key))
			.onErrorResume((ex) -> Mono.just(Optional.empty()))
			.defaultIfEmpty(Optional.empty())
			.flatMap((scopedKey) -> scopedKey.isPresent()
					? body(exchange).flatMap((body) -> once(exchange, chain, scopedKey.get(), body))
					: chain.filter(exchange));
	}

	private Mono<Void> once(ServerWebExchange exchange, WebFilterChain chain, String scopedKey, byte[] body) {
		String fingerprint = fingerprint(exchange, body);
		Instant now = this.clock.instant();
		IdempotentRequest first = new IdempotentRequest(scopedKey, fingerprint, UUID.randomUUID().toString(), 1,
				now.plus(LEASE), 0, null, null, now);
		// Only the key's own insert tells a repeat: a duplicate key the endpoint runs
		// into is the endpoint's error, answered as such.
		return this.mongo.insert(first)
			.map(Optional::of)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(Optional.empty()))
			.flatMap((stored) -> stored.isPresent() ? run(exchange, chain, stored.get(), body)
					: this.mongo.findById(scopedKey, IdempotentRequest.class)
						.switchIfEmpty(Mono.error(() -> ApiException.conflict(HEADER,
								"the record of this " + HEADER + " just expired; send the request again")))
						.flatMap((earlier) -> again(exchange, chain, earlier, fingerprint, body, true)));
	}

	/**
	 * A key seen before: its answer again, 422 for another request, 409 while the attempt
	 * holding it may still run; otherwise (that attempt failed, was cancelled or stopped)
	 * this request takes the key and runs.
	 */
	private Mono<Void> again(ServerWebExchange exchange, WebFilterChain chain, IdempotentRequest earlier,
			String fingerprint, byte[] body, boolean firstLook) {
		boolean same = earlier.fingerprint().equals(fingerprint);
		Instant now = this.clock.instant();
		if (earlier.isAnswered() || earlier.isHeld(now)) {
			return answerAgain(exchange, earlier, fingerprint);
		}
		// The same request keeps its operation: the attempt before may have made its
		// change. Another request with the key is a new one (a failed request leaves
		// nothing the client has to work around).
		IdempotentRequest next = same
				? new IdempotentRequest(earlier.id(), fingerprint,
						(earlier.operation() != null) ? earlier.operation() : UUID.randomUUID().toString(),
						earlier.attempt() + 1, now.plus(LEASE), 0, null, null, earlier.createdAt())
				: new IdempotentRequest(earlier.id(), fingerprint, UUID.randomUUID().toString(), earlier.attempt() + 1,
						now.plus(LEASE), 0, null, null, now);
		// Of two requests taking the key at once, one replaces the record it read.
		Query unchanged = Query.query(
				Criteria.where("_id").is(earlier.id()).and("status").is(0).and("leaseUntil").is(earlier.leaseUntil()));
		// The one that lost looks again: the key may now be answered, or held by another
		// request.
		return this.mongo.replace(unchanged, next).flatMap((result) -> {
			if (result.getModifiedCount() == 1) {
				return run(exchange, chain, next, body);
			}
			if (!firstLook) {
				return Mono.error(ApiException.conflict(HEADER, STILL_RUNNING));
			}
			return this.mongo.findById(earlier.id(), IdempotentRequest.class)
				.switchIfEmpty(Mono.error(() -> ApiException.conflict(HEADER, STILL_RUNNING)))
				.flatMap((current) -> again(exchange, chain, current, fingerprint, body, false));
		});
	}

	private Mono<Void> run(ServerWebExchange exchange, WebFilterChain chain, IdempotentRequest attempt, byte[] body) {
		exchange.getAttributes().put(IdempotentOperation.ATTRIBUTE, attempt.operation());
		ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}
		};
		RecordingResponse response = new RecordingResponse(exchange.getResponse(), attempt);
		return chain.filter(exchange.mutate().request(request).response(response).build())
			.then(Mono.defer(() -> response.recorded ? Mono.<Void>empty() : release(attempt)))
			.onErrorResume((ex) -> release(attempt).then(Mono.error(ex)))
			// A request given up on (the caller went away, the gateway's time limit)
			// stops here: its key is free for the retry at once.
			.doOnCancel(() -> release(attempt).onErrorComplete().subscribe());
	}

	private Mono<Void> answerAgain(ServerWebExchange exchange, IdempotentRequest earlier, String fingerprint) {
		if (!earlier.fingerprint().equals(fingerprint)) {
			return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
					HEADER + " was used before with another request; use a new key for a new request", HEADER));
		}
		if (!earlier.isAnswered()) {
			return Mono.error(ApiException.conflict(HEADER, STILL_RUNNING));
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.valueOf(earlier.status()));
		if (earlier.contentType() != null) {
			response.getHeaders().setContentType(MediaType.parseMediaType(earlier.contentType()));
		}
		response.getHeaders().set(REPLAYED_HEADER, "true");
		return response.writeWith(Mono.just(response.bufferFactory().wrap(earlier.body())));
	}

	/**
	 * Frees the key of an attempt that ended without a stored answer: the next request
	 * with it runs (and, if it is the same request, as the same operation).
	 */
	private Mono<Void> release(IdempotentRequest attempt) {
		Query mine = Query
			.query(Criteria.where("_id").is(attempt.id()).and("status").is(0).and("attempt").is(attempt.attempt()));
		return this.mongo.updateFirst(mine, Update.update("leaseUntil", this.clock.instant()), IdempotentRequest.class)
			.then();
	}

	private static Mono<byte[]> body(ServerWebExchange exchange) {
		return DataBufferUtils
			.join(DataBufferUtils.takeUntilByteCount(exchange.getRequest().getBody(),
					RequestFields.MAX_BODY_BYTES + 1L))
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				if (bytes.length > RequestFields.MAX_BODY_BYTES) {
					throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "request body is larger than 1 MiB", null);
				}
				return bytes;
			})
			.defaultIfEmpty(new byte[0]);
	}

	static String fingerprint(ServerWebExchange exchange, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String request = exchange.getRequest().getMethod().name() + " "
					+ exchange.getRequest().getURI().getRawPath() + "?" + exchange.getRequest().getURI().getRawQuery()
					+ "\n";
			digest.update(request.getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The answer as stored: a generated client password is shown once, in the first
	 * answer, and never stored, so a replay leaves it out.
	 */
	private static byte[] withoutPassword(byte[] body) {
		try {
			JsonNode answer = json.readTree(body);
			JsonNode client = answer.path("data").path("client");
			if (client instanceof ObjectNode object && object.has("password")) {
				object.remove("password");
				return json.writeValueAsBytes(answer);
			}
			return body;
		}
		catch (JacksonException ex) {
			return body;
		}
	}

	/**
	 * Stores a successful answer before it is sent, so a retry arriving right after it
	 * finds it.
	 */
	private final class RecordingResponse extends ServerHttpResponseDecorator {

		private final IdempotentRequest attempt;

		private volatile boolean recorded;

		RecordingResponse(ServerHttpResponse delegate, IdempotentRequest attempt) {
			super(delegate);
			this.attempt = attempt;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			int status = (getStatusCode() != null) ? getStatusCode().value() : 200;
			if (status < 200 || status >= 300) {
				return super.writeWith(body);
			}
			return DataBufferUtils.join(Flux.from(body)).flatMap((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				MediaType type = getHeaders().getContentType();
				Update answer = Update.update("status", status)
					.set("contentType", (type != null) ? type.toString() : null)
					.set("body", withoutPassword(bytes));
				return IdempotencyFilter.this.mongo
					// Only on this attempt's record: one that took the key over since
					// (this attempt given up on) keeps its own answer.
					.updateFirst(Query.query(Criteria.where("_id")
						.is(this.attempt.id())
						.and("attempt")
						.is(this.attempt.attempt())
						.and("status")
						.is(0)), answer, IdempotentRequest.class)
					.doOnSuccess((result) -> this.recorded = true)
					.then(super.writeWith(Mono.just(bufferFactory().wrap(bytes))));
			});
		}

	}

}
