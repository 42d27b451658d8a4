package com.chatsuite.partner.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.chatsuite.contracts.api.PartnerApiResponse;
import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.partner.web.IdempotentOperation;
import com.chatsuite.partner.web.Page;
import com.chatsuite.partner.web.Partner;
import com.chatsuite.partner.web.Partners;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A partner's webhook endpoints ({@code GET /partner/webhook},
 * {@code POST /partner/set-webhook} {@code {event, url}},
 * {@code POST /partner/remove-webhook} {@code {id}}), the attempt log
 * ({@code GET /partner/webhook/deliveries?endpoint_id=&status=}) and replay ({@code POST
 * /partner/webhook/deliveries/{id}/replay}).
 */
@RestController
@RequestMapping("/partner")
class WebhookController {

	private static final int MAX_ENDPOINTS = 100;

	private static final List<String> STATUSES = List.of(Delivery.PENDING, Delivery.HELD, Delivery.SUCCEEDED,
			Delivery.FAILED, Delivery.CANCELLED);

	private final ReactiveMongoTemplate mongo;

	private final Partners partners;

	private final UrlGuard guard;

	private final DeliveryWorker worker;

	private final Clock clock;

	WebhookController(ReactiveMongoTemplate mongo, Partners partners, UrlGuard guard, DeliveryWorker worker,
			Clock clock) {
		this.mongo = mongo;
		this.partners = partners;
		this.guard = guard;
		this.worker = worker;
		this.clock = clock;
	}

	@GetMapping("/webhook")
	Mono<PartnerApiResponse<List<EndpointView>>> endpoints(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WEBHOOKS_READ)
			.flatMap((partner) -> this.mongo
				.find(Query.query(Criteria.where("partnerId").is(partner.id())).with(Sort.by("createdAt", "id")),
						WebhookEndpoint.class)
				.map((endpoint) -> EndpointView.of(endpoint, null))
				.collectList())
			.map(PartnerApiResponse::ok);
	}

	@PostMapping("/set-webhook")
	Mono<ResponseEntity<PartnerApiResponse<EndpointView>>> set(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WEBHOOKS_WRITE)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> {
				String event = both.getT2().requiredText("event");
				if (WebhookEvent.named(event).isEmpty()) {
					throw ApiException.badRequest("event", "event '" + event + "' does not exist; the events are "
							+ String.join(", ", WebhookEvent.names()));
				}
				return this.guard.check(both.getT2().requiredText("url"), "url")
					.flatMap((url) -> register(both.getT1(), event, url.toString(),
							IdempotentOperation.of(exchange).orElseGet(() -> UUID.randomUUID().toString())));
			})
			.map((endpoint) -> ResponseEntity.status(HttpStatus.CREATED)
				.body(PartnerApiResponse.ok(EndpointView.of(endpoint, endpoint.secret()))));
	}

	@PostMapping("/remove-webhook")
	Mono<PartnerApiResponse<EndpointView>> remove(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WEBHOOKS_WRITE)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> {
				String id = both.getT2().requiredText("id");
				return this.mongo
					.findAndRemove(Query.query(Criteria.where("_id").is(id).and("partnerId").is(both.getT1().id())),
							WebhookEndpoint.class)
					.switchIfEmpty(
							Mono.error(() -> ApiException.notFound("id", "webhook '" + id + "' does not exist")));
			})
			.map((endpoint) -> PartnerApiResponse.ok(EndpointView.of(endpoint, null)));
	}

	@GetMapping("/webhook/deliveries")
	Mono<PartnerApiResponse<Page<DeliveryView>>> deliveries(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WEBHOOKS_READ)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> {
				RequestFields fields = both.getT2();
				Page.Request page = Page.requested(fields);
				Criteria criteria = Criteria.where("partnerId").is(both.getT1().id());
				String endpointId = fields.optionalText("endpoint_id");
				if (endpointId != null) {
					criteria = criteria.and("endpointId").is(endpointId);
				}
				String status = fields.optionalText("status");
				if (status != null) {
					if (!STATUSES.contains(status)) {
						throw ApiException.badRequest("status", "status must be one of " + String.join(", ", STATUSES));
					}
					criteria = criteria.and("status").is(status);
				}
				Query query = Query.query(criteria);
				Query sorted = Query.query(criteria)
					.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")))
					.skip(page.skip())
					.limit(page.size());
				return Mono
					.zip(this.mongo.find(sorted, Delivery.class).map(DeliveryView::of).collectList(),
							this.mongo.count(query, Delivery.class))
					.map((found) -> new Page<>(found.getT1(), page.page(), page.size(), found.getT2()));
			})
			.map(PartnerApiResponse::ok);
	}

	@PostMapping("/webhook/deliveries/{deliveryId}/replay")
	Mono<PartnerApiResponse<DeliveryView>> replay(@PathVariable String deliveryId, ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WEBHOOKS_WRITE)
			.flatMap((partner) -> this.mongo.findAndModify(
					Query.query(Criteria.where("_id")
						.is(deliveryId)
						.and("partnerId")
						.is(partner.id())
						.and("status")
						.in(Delivery.SUCCEEDED, Delivery.FAILED, Delivery.CANCELLED)),
					Update.update("status", Delivery.PENDING)
						.set("retries", 0)
						.set("nextAttemptAt", this.clock.instant())
						.set("leaseUntil", null),
					FindAndModifyOptions.options().returnNew(true), Delivery.class)
				.switchIfEmpty(Mono.defer(() -> refuseReplay(partner, deliveryId))))
			.doOnNext((delivery) -> this.worker.due(delivery.id()))
			.map((delivery) -> PartnerApiResponse.ok(DeliveryView.of(delivery)));
	}

	private Mono<Delivery> refuseReplay(Partner partner, String deliveryId) {
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(deliveryId).and("partnerId").is(partner.id())),
					Delivery.class)
			.switchIfEmpty(Mono
				.error(() -> ApiException.notFound("deliveryId", "delivery '" + deliveryId + "' does not exist")))
			.flatMap((delivery) -> Mono.error(ApiException.conflict("deliveryId",
					"delivery '" + deliveryId + "' is " + delivery.status() + "; only a finished one is replayed")));
	}

	/**
	 * Registers an endpoint under an id: a keyed request's operation, so that a retry of
	 * a registration whose answer was lost answers the endpoint it made (with its secret,
	 * as the first answer would have) instead of a conflict with it.
	 */
	private Mono<WebhookEndpoint> register(Partner partner, String event, String url, String id) {
		Query partnerEndpoints = Query.query(Criteria.where("partnerId").is(partner.id()));
		ApiException exists = ApiException.conflict("url",
				"a webhook for event '" + event + "' at this url exists already");
		return this.mongo.find(partnerEndpoints, WebhookEndpoint.class).collectList().flatMap((existing) -> {
			Optional<WebhookEndpoint> made = existing.stream()
				.filter((endpoint) -> endpoint.id().equals(id))
				.findFirst();
			if (made.isPresent()) {
				return Mono.just(made.get());
			}
			if (existing.stream()
				.anyMatch((endpoint) -> endpoint.event().equals(event) && endpoint.url().equals(url))) {
				return Mono.error(exists);
			}
			if (existing.size() >= MAX_ENDPOINTS) {
				return Mono.error(ApiException.conflict("url", "a partner has at most " + MAX_ENDPOINTS + " webhooks"));
			}
			Instant now = this.clock.instant();
			// The unique index decides between two registrations at once.
			return this.mongo
				.insert(new WebhookEndpoint(id, partner.id(), event, url, Signature.newSecret(), null, null, null, null,
						null, null, now))
				// The same operation's earlier attempt may have stored it meanwhile.
				.onErrorResume(DuplicateKeyException.class,
						(ex) -> this.mongo
							.findOne(Query.query(Criteria.where("_id").is(id).and("partnerId").is(partner.id())),
									WebhookEndpoint.class)
							.switchIfEmpty(Mono.error(exists)));
		});
	}

	/**
	 * A webhook endpoint as its partner sees it; the secret only in the answer that
	 * registered it.
	 *
	 * @param id the endpoint id
	 * @param event the event type
	 * @param url the URL
	 * @param secret the signing secret, only when just registered
	 * @param state {@code active} or {@code disabled}
	 * @param disabledReason why it is disabled
	 * @param disabledAt when it was disabled
	 * @param lastSuccessAt the last delivery accepted
	 * @param lastFailureAt the last failed attempt
	 * @param lastFailure what went wrong then
	 * @param createdAt when it was registered
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EndpointView(String id, String event, String url, String secret, String state,
			@JsonProperty("disabled_reason") String disabledReason, @JsonProperty("disabled_at") Instant disabledAt,
			@JsonProperty("last_success_at") Instant lastSuccessAt,
			@JsonProperty("last_failure_at") Instant lastFailureAt, @JsonProperty("last_failure") String lastFailure,
			@JsonProperty("created_at") Instant createdAt) {

		static EndpointView of(WebhookEndpoint endpoint, String secret) {
			return new EndpointView(endpoint.id(), endpoint.event(), endpoint.url(), secret,
					endpoint.isActive() ? "active" : "disabled", endpoint.disabledReason(), endpoint.disabledAt(),
					endpoint.lastSuccessAt(), endpoint.lastFailureAt(), endpoint.lastFailure(), endpoint.createdAt());
		}

	}

	/**
	 * A delivery and its attempts.
	 *
	 * @param id the delivery id ({@code webhook-id} is {@code msg_} + this)
	 * @param endpointId the endpoint
	 * @param event the event type
	 * @param workspaceId the workspace
	 * @param status pending, held, succeeded, failed or cancelled
	 * @param attempts every attempt
	 * @param nextAttemptAt when the next attempt is due
	 * @param createdAt when the delivery was made
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DeliveryView(String id, @JsonProperty("endpoint_id") String endpointId, String event,
			@JsonProperty("workspace_id") String workspaceId, String status, List<AttemptView> attempts,
			@JsonProperty("next_attempt_at") Instant nextAttemptAt, @JsonProperty("created_at") Instant createdAt) {

		static DeliveryView of(Delivery delivery) {
			return new DeliveryView(delivery.id(), delivery.endpointId(), delivery.event(), delivery.workspaceId(),
					delivery.status(), delivery.attempts().stream().map(AttemptView::of).toList(),
					delivery.nextAttemptAt(), delivery.createdAt());
		}

	}

	/**
	 * One attempt.
	 *
	 * @param at when it started
	 * @param statusCode the receiver's status code
	 * @param error what went wrong
	 * @param durationMs how long it took
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AttemptView(Instant at, @JsonProperty("status_code") Integer statusCode, String error,
			@JsonProperty("duration_ms") long durationMs) {

		static AttemptView of(Delivery.Attempt attempt) {
			return new AttemptView(attempt.at(), attempt.statusCode(), attempt.error(), attempt.durationMs());
		}

	}

}
