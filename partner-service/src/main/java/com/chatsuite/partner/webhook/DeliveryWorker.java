package com.chatsuite.partner.webhook;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.chatsuite.partner.PartnerProperties;
import com.chatsuite.partner.workspace.Workspace;
import com.chatsuite.support.observability.TraceParents;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.ReceiverContext;
import io.netty.channel.ChannelOption;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bson.Document;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.concurrent.Queues;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends webhook deliveries: at once when they are made, and again when a retry is due
 * (found from the stored {@code nextAttemptAt}, so retries survive a restart). A new
 * delivery is stored already leased to the replica that made it, which sends it straight
 * away with the endpoint it has in hand; every later attempt is claimed by one
 * conditional write with a lease. Either way a delivery is sent once across replicas. An
 * attempt waits at most the configured timeout; a 2xx is success, a 410 disables the
 * endpoint at once, anything else is retried on the schedule, and an endpoint failing
 * continuously for too long is disabled. Per endpoint, a bulkhead bounds the attempts in
 * flight and a circuit breaker holds a dead receiver's deliveries back without an
 * attempt, so a receiver that hangs or fails ties up nothing the other endpoints need.
 * Redirects are not followed.
 */
@Component
class DeliveryWorker implements DisposableBean {

	private static final Log logger = LogFactory.getLog(DeliveryWorker.class);

	private static final int POLL_BATCH = 500;

	private static final String DELIVERIES = "webhook_deliveries";

	private static final int MAX_ERROR = 300;

	private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

	private static final Duration SUCCESS_WRITES = Duration.ofSeconds(1);

	private static final int QUEUED = 10_000;

	private static final Duration IDLE_ENDPOINT = Duration.ofHours(1);

	private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

	private final ReactiveMongoTemplate mongo;

	private final UrlGuard guard;

	private final PartnerProperties.Webhooks properties;

	private final Clock clock;

	/** The receivers check {@code webhook-timestamp} against their own wall clock. */
	private final Clock wallClock = Clock.systemUTC();

	private final WebClient client;

	/**
	 * The receivers' connections: a pool per host, closed when idle and dropped with its
	 * host once no call went there for a while, so that hosts partners no longer use do
	 * not stay in memory for the life of the process. A host may take as many connections
	 * as there are attempts in flight: many endpoints of one partner often share a host,
	 * and with the pool's defaults (16 connections and 32 waiting on two cores) the
	 * attempts beyond those failed at once and waited for their retry. The per-endpoint
	 * bulkhead and the worker's concurrency bound what is in flight.
	 */
	private final ConnectionProvider connections;

	private final CircuitBreakerRegistry breakers;

	private final BulkheadRegistry bulkheads;

	private final ObservationRegistry observations;

	/** The outcomes of attempts, written in bulk. */
	private final AttemptRecords records;

	private final Counter succeeded;

	private final Counter failed;

	private final Counter disabled;

	/**
	 * Attempts to make: claims of due deliveries, and new deliveries already leased. At
	 * most {@link #QUEUED} wait; beyond that an attempt is left to the poll, which finds
	 * the delivery when its lease ends (it is stored either way).
	 */
	private final Sinks.Many<Mono<Void>> due = Sinks.many()
		.unicast()
		.onBackpressureBuffer(Queues.<Mono<Void>>get(QUEUED).get());

	/**
	 * When this replica last sent to an endpoint: its breaker, bulkhead and success time
	 * are forgotten after {@link #IDLE_ENDPOINT} without a send (endpoints come and go;
	 * removed on one replica, they stay known on the others).
	 */
	private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

	private volatile Instant nextPrune = Instant.MIN;

	/**
	 * When this replica last recorded an endpoint's success: a busy endpoint's
	 * {@code lastSuccessAt} is rewritten at most once per {@link #SUCCESS_WRITES}.
	 */
	private final Map<String, Instant> successRecorded = new ConcurrentHashMap<>();

	private volatile Disposable running;

	DeliveryWorker(ReactiveMongoTemplate mongo, UrlGuard guard, PartnerProperties properties, Clock clock,
			ObservationRegistry observations, MeterRegistry meters) {
		this.mongo = mongo;
		this.records = new AttemptRecords(mongo);
		this.observations = observations;
		// chatsuite.webhook.deliveries{outcome}: attempts answered 2xx, attempts that
		// failed, endpoints disabled. Not per endpoint: its id would make a series per
		// partner endpoint, without bound (each endpoint's record is in its attempt log).
		this.succeeded = deliveries(meters, "success");
		this.failed = deliveries(meters, "failure");
		this.disabled = deliveries(meters, "disabled");
		this.guard = guard;
		this.properties = properties.webhooks();
		this.clock = clock;
		this.connections = ConnectionProvider.builder("webhooks")
			.maxConnections(this.properties.concurrency())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(this.properties.timeout())
			.maxIdleTime(Duration.ofSeconds(30))
			.evictInBackground(Duration.ofSeconds(30))
			.disposeInactivePoolsInBackground(Duration.ofMinutes(1), Duration.ofMinutes(10))
			// No meters per pool: a pool per receiver host would make series without
			// bound.
			.metrics(false)
			.build();
		HttpClient http = HttpClient.create(this.connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(this.properties.timeout().toMillis(), 10_000))
			.responseTimeout(this.properties.timeout())
			.followRedirect(false)
			// The URL was checked before the call, but the name is resolved again to
			// connect: the address actually connected to is checked too.
			.doOnConnected((connection) -> {
				if (connection.channel().remoteAddress() instanceof InetSocketAddress remote
						&& guard.refusesConnection(remote)) {
					connection.channel()
						.pipeline()
						.fireExceptionCaught(new InternalAddressException(remote.getAddress().getHostAddress()));
					connection.channel().close();
				}
			});
		this.client = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			// Timed as http.client.requests and traced (traceparent on the call), with
			// the
			// receivers' hosts left out of the tags: one series per partner host
			// otherwise.
			.observationRegistry(observations)
			.observationConvention(new WebhookClientObservationConvention())
			.build();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(this.properties.breakerWindow())
			.minimumNumberOfCalls(this.properties.breakerWindow())
			.failureRateThreshold(this.properties.breakerFailureRate())
			.waitDurationInOpenState(this.properties.breakerOpenFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
		this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(this.properties.perEndpointConcurrency())
			.maxWaitDuration(Duration.ZERO)
			.build());
	}

	private static Counter deliveries(MeterRegistry meters, String outcome) {
		return Counter.builder("chatsuite.webhook.deliveries")
			.description("Webhook delivery attempts by outcome, and endpoints disabled")
			.tag("outcome", outcome)
			.register(meters);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Flux<Mono<Void>> polled = Flux.interval(this.properties.pollInterval())
			.onBackpressureDrop()
			.doOnNext((tick) -> pruneIdle(this.clock.instant()))
			.concatMap((tick) -> dueIds().onErrorResume((ex) -> {
				logger.warn("Looking for due webhook deliveries failed: " + ex.getMessage());
				return Flux.empty();
			}), 1)
			.map(this::claimed);
		this.running = Flux.merge(this.due.asFlux(), polled)
			.flatMap(Function.identity(), this.properties.concurrency())
			.subscribe();
	}

	/**
	 * Asks for a delivery to be attempted now, if it is due and no replica holds it.
	 * @param deliveryId the delivery
	 */
	void due(String deliveryId) {
		submit(claimed(deliveryId));
	}

	/**
	 * Sends a delivery this replica has just stored, leased to itself, to an active
	 * endpoint of a workspace whose deliveries are not held.
	 * @param delivery the new delivery, pending and leased
	 * @param endpoint its endpoint
	 */
	void sendNew(Delivery delivery, WebhookEndpoint endpoint) {
		submit(Mono.defer(() -> stillLeased(delivery)).flatMap((ours) -> send(ours, endpoint)).onErrorResume((ex) -> {
			logger.warn("Webhook delivery " + delivery.id() + " failed unexpectedly: " + ex.getMessage());
			return Mono.empty();
		}));
	}

	/**
	 * A new delivery as this replica may send it: as stored while its lease leaves time
	 * for an attempt and its record; leased again when it waited in the queue most of its
	 * lease; empty when another replica's poll claimed it meanwhile (or it is finished),
	 * so that it is not sent twice at once.
	 * @param delivery the delivery as stored by this replica
	 * @return the delivery to send, or empty
	 */
	Mono<Delivery> stillLeased(Delivery delivery) {
		Instant now = this.clock.instant();
		if (delivery.leaseUntil() != null
				&& now.plus(this.properties.timeout().multipliedBy(2)).isBefore(delivery.leaseUntil())) {
			return Mono.just(delivery);
		}
		Query ours = Query.query(Criteria.where("_id")
			.is(delivery.id())
			.and("status")
			.is(Delivery.PENDING)
			.and("leaseUntil")
			.is(delivery.leaseUntil()));
		return this.mongo.findAndModify(ours, Update.update("leaseUntil", now.plus(this.properties.lease())),
				FindAndModifyOptions.options().returnNew(true), Delivery.class);
	}

	/**
	 * The lease a new delivery is stored with by the replica that sends it at once.
	 * @param now the time it is made
	 * @return until when it is held
	 */
	Instant newLease(Instant now) {
		return now.plus(this.properties.lease());
	}

	private Mono<Void> claimed(String id) {
		return Mono.defer(() -> attempt(id)).onErrorResume((ex) -> {
			logger.warn("Webhook delivery " + id + " failed unexpectedly: " + ex.getMessage());
			return Mono.empty();
		});
	}

	private void submit(Mono<Void> work) {
		synchronized (this.due) {
			if (this.due.tryEmitNext(work) == Sinks.EmitResult.FAIL_OVERFLOW) {
				logger.debug("Webhook send queue full; the poll takes the delivery up");
			}
		}
	}

	/**
	 * Forgets the breakers, bulkheads and success times of endpoints this replica has not
	 * sent to for {@link #IDLE_ENDPOINT}; does the work at most every
	 * {@link #PRUNE_EVERY}.
	 * @param now the time
	 */
	void pruneIdle(Instant now) {
		if (now.isBefore(this.nextPrune)) {
			return;
		}
		this.nextPrune = now.plus(PRUNE_EVERY);
		Instant idleSince = now.minus(IDLE_ENDPOINT);
		this.lastSent.forEach((endpointId, sent) -> {
			if (sent.isBefore(idleSince) && this.lastSent.remove(endpointId, sent)) {
				this.breakers.remove(endpointId);
				this.bulkheads.remove(endpointId);
				this.successRecorded.remove(endpointId);
			}
		});
	}

	/**
	 * Whether this replica keeps a breaker for an endpoint.
	 * @param endpointId the endpoint
	 * @return whether it does
	 */
	boolean knows(String endpointId) {
		return this.breakers.find(endpointId).isPresent();
	}

	private Flux<String> dueIds() {
		Instant now = this.clock.instant();
		// Leased ones are left out by the query itself, so that a backlog of leased
		// deliveries cannot fill the batch and hide the due retries behind it.
		Query due = Query
			.query(Criteria.where("status")
				.is(Delivery.PENDING)
				.and("nextAttemptAt")
				.lte(now)
				.orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lte(now)))
			.with(Sort.by("nextAttemptAt"))
			.limit(POLL_BATCH);
		due.fields().include("_id");
		return this.mongo.find(due, Document.class, DELIVERIES).map((delivery) -> delivery.getString("_id"));
	}

	/**
	 * One attempt at a delivery, if it is still due and no replica holds it.
	 * @param id the delivery id
	 * @return completes when the attempt is recorded
	 */
	Mono<Void> attempt(String id) {
		return claim(id).flatMap((delivery) -> this.mongo.findById(delivery.endpointId(), WebhookEndpoint.class)
			.map((endpoint) -> attempt(delivery, endpoint))
			.defaultIfEmpty(Mono.defer(() -> finish(delivery, Delivery.CANCELLED)))
			.flatMap(Function.identity()));
	}

	private Mono<Delivery> claim(String id) {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id")
			.is(id)
			.and("status")
			.is(Delivery.PENDING)
			.and("nextAttemptAt")
			.lte(now)
			.orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lte(now)));
		return this.mongo.findAndModify(free, Update.update("leaseUntil", now.plus(this.properties.lease())),
				FindAndModifyOptions.options().returnNew(true), Delivery.class);
	}

	private Mono<Void> attempt(Delivery delivery, WebhookEndpoint endpoint) {
		if (!endpoint.isActive()) {
			return finish(delivery, Delivery.CANCELLED);
		}
		return this.mongo.findById(delivery.workspaceId(), Workspace.class)
			.map((workspace) -> workspace.isPaused()
					&& WebhookEvent.named(delivery.event()).map(WebhookEvent::heldWhilePaused).orElse(false))
			.defaultIfEmpty(false)
			.flatMap((held) -> held ? finish(delivery, Delivery.HELD).then(releaseIfActive(delivery))
					: send(delivery, endpoint));
	}

	/**
	 * A second look after holding a delivery: the workspace's activation may have
	 * released its held deliveries between the read that found it paused and this hold.
	 */
	private Mono<Void> releaseIfActive(Delivery delivery) {
		return this.mongo.findById(delivery.workspaceId(), Workspace.class)
			.filter((workspace) -> !workspace.isPaused())
			.flatMap((workspace) -> this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(delivery.id()).and("status").is(Delivery.HELD)),
					Update.update("status", Delivery.PENDING).set("nextAttemptAt", this.clock.instant()),
					Delivery.class))
			.filter((result) -> result.getModifiedCount() == 1)
			.doOnNext((result) -> due(delivery.id()))
			.then();
	}

	private Mono<Void> send(Delivery delivery, WebhookEndpoint endpoint) {
		this.lastSent.put(endpoint.id(), this.clock.instant());
		Bulkhead bulkhead = this.bulkheads.bulkhead(endpoint.id());
		if (!bulkhead.tryAcquirePermission()) {
			// As many attempts to this endpoint in flight as it may have: try shortly.
			return later(delivery, BUSY_RETRY);
		}
		CircuitBreaker breaker = this.breakers.circuitBreaker(endpoint.id());
		if (!breaker.tryAcquirePermission()) {
			bulkhead.onComplete();
			return later(delivery, this.properties.breakerOpenFor());
		}
		return attempt(delivery, endpoint, breaker).doFinally((signal) -> bulkhead.onComplete());
	}

	/** Puts a delivery back, due again after a pause, without an attempt. */
	private Mono<Void> later(Delivery delivery, Duration pause) {
		return change(delivery,
				Update.update("nextAttemptAt", this.clock.instant().plus(pause)).set("leaseUntil", null));
	}

	private Mono<Void> attempt(Delivery delivery, WebhookEndpoint endpoint, CircuitBreaker breaker) {
		Instant at = this.clock.instant();
		long started = System.nanoTime();
		return this.guard.check(endpoint.url(), "url")
			.flatMap((uri) -> continuingTrace(delivery, post(uri.toString(), delivery, endpoint)))
			.map((status) -> new Outcome(status, (status >= 200 && status < 300) ? null : "HTTP " + status))
			.onErrorResume((ex) -> Mono.just(new Outcome(null, describe(ex))))
			.flatMap((outcome) -> {
				long nanos = System.nanoTime() - started;
				if (outcome.error() == null) {
					this.succeeded.increment();
					breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
				}
				else {
					this.failed.increment();
					breaker.onError(nanos, TimeUnit.NANOSECONDS, new IllegalStateException(outcome.error()));
				}
				Delivery.Attempt attempt = new Delivery.Attempt(at, outcome.status(), outcome.error(),
						Duration.ofNanos(nanos).toMillis());
				return record(delivery, endpoint, attempt);
			});
	}

	/**
	 * Runs an attempt's call in the trace of the event that made the delivery: its span
	 * (continuing the stored {@code traceparent}) is the parent of the call's, whose
	 * context the receiver gets in {@code traceparent}.
	 */
	private <T> Mono<T> continuingTrace(Delivery delivery, Mono<T> call) {
		if (delivery.traceparent() == null) {
			return call;
		}
		return Mono.defer(() -> {
			ReceiverContext<Delivery> context = new ReceiverContext<>(
					(carrier, key) -> TraceParents.HEADER.equals(key) ? carrier.traceparent() : null);
			context.setCarrier(delivery);
			Observation attempt = Observation
				.createNotStarted("chatsuite.webhook.attempt", () -> context, this.observations)
				.contextualName("webhook " + delivery.event())
				.start();
			return call.doOnError(attempt::error)
				.doFinally((signal) -> attempt.stop())
				.contextWrite((reactor) -> reactor.put(ObservationThreadLocalAccessor.KEY, attempt));
		});
	}

	private Mono<Integer> post(String url, Delivery delivery, WebhookEndpoint endpoint) {
		String messageId = "msg_" + delivery.id();
		long timestamp = this.wallClock.instant().getEpochSecond();
		String signature = Signature.sign(endpoint.secret(), messageId, timestamp, delivery.payload());
		return this.client.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.header("webhook-id", messageId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signature)
			.bodyValue(delivery.payload())
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.timeout(this.properties.timeout());
	}

	private Mono<Void> record(Delivery delivery, WebhookEndpoint endpoint, Delivery.Attempt attempt) {
		Instant now = this.clock.instant();
		Update update = new Update().push("attempts", attempt).set("leaseUntil", null);
		Mono<Void> endpointChange;
		if (attempt.error() == null) {
			update.set("status", Delivery.SUCCEEDED).set("nextAttemptAt", null);
			endpointChange = succeeded(endpoint, now);
		}
		else if (Integer.valueOf(410).equals(attempt.statusCode())) {
			update.set("status", Delivery.FAILED).set("nextAttemptAt", null);
			endpointChange = failed(endpoint, attempt, now)
				.then(disable(endpoint, "the receiver answered 410 Gone", now));
		}
		else {
			int retries = delivery.retries() + 1;
			List<Duration> schedule = this.properties.retrySchedule();
			update.set("retries", retries);
			if (retries <= schedule.size()) {
				update.set("nextAttemptAt", now.plus(schedule.get(retries - 1)));
			}
			else {
				update.set("status", Delivery.FAILED).set("nextAttemptAt", null);
			}
			endpointChange = failed(endpoint, attempt, now).then(disableIfFailingTooLong(endpoint, now));
		}
		return this.records.update(delivery.id(), update).then(endpointChange);
	}

	/**
	 * Records an endpoint's success; while it keeps succeeding, at most once a second per
	 * replica (a failure since then is always followed by a write).
	 */
	private Mono<Void> succeeded(WebhookEndpoint endpoint, Instant now) {
		Instant last = this.successRecorded.get(endpoint.id());
		if (last != null && now.isBefore(last.plus(SUCCESS_WRITES))) {
			return Mono.empty();
		}
		this.successRecorded.put(endpoint.id(), now);
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(endpoint.id())),
					Update.update("lastSuccessAt", now).set("failingSince", null), WebhookEndpoint.class)
			.then();
	}

	private Mono<Void> failed(WebhookEndpoint endpoint, Delivery.Attempt attempt, Instant now) {
		this.successRecorded.remove(endpoint.id());
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(endpoint.id())),
					Update.update("lastFailureAt", now).set("lastFailure", attempt.error()), WebhookEndpoint.class)
			.then(this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(endpoint.id()).and("failingSince").is(null)),
					Update.update("failingSince", now), WebhookEndpoint.class))
			.then();
	}

	private Mono<Void> disableIfFailingTooLong(WebhookEndpoint endpoint, Instant now) {
		return this.mongo.findById(endpoint.id(), WebhookEndpoint.class)
			.filter((current) -> current.isActive() && current.failingSince() != null
					&& !current.failingSince().plus(this.properties.disableAfter()).isAfter(now))
			.flatMap((current) -> disable(current, "failing continuously since " + current.failingSince(), now));
	}

	private Mono<Void> disable(WebhookEndpoint endpoint, String reason, Instant now) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(endpoint.id()).and("disabledReason").is(null)),
					Update.update("disabledReason", reason).set("disabledAt", now), WebhookEndpoint.class)
			.doOnNext((result) -> {
				if (result.getModifiedCount() > 0) {
					this.disabled.increment();
				}
			})
			.then();
	}

	private Mono<Void> finish(Delivery delivery, String status) {
		return change(delivery, Update.update("status", status).set("leaseUntil", null));
	}

	/** Changes a delivery this replica holds, on its own, outside the bulk writes. */
	private Mono<Void> change(Delivery delivery, Update update) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())), update, Delivery.class)
			.then();
	}

	private static String describe(Throwable ex) {
		Throwable refused = ex;
		while (refused != null && !(refused instanceof InternalAddressException)) {
			refused = refused.getCause();
		}
		if (refused != null) {
			ex = refused;
		}
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		if (ex instanceof java.util.concurrent.TimeoutException) {
			message = "no answer within the timeout";
		}
		return (message.length() > MAX_ERROR) ? message.substring(0, MAX_ERROR) : message;
	}

	/** A delivery's connection reached an internal address its URL check would refuse. */
	static final class InternalAddressException extends RuntimeException {

		InternalAddressException(String address) {
			super("the receiver's host resolved to an internal address (" + address + ") when connecting: not sent");
		}

	}

	@Override
	public void destroy() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.records.close();
		this.connections.dispose();
	}

	/**
	 * What an attempt came to.
	 *
	 * @param status the receiver's status code, {@code null} when none came
	 * @param error what went wrong, {@code null} on a 2xx
	 */
	private record Outcome(Integer status, String error) {
	}

}
