package com.chatsuite.partner.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.partner.workspace.Workspace;
import com.chatsuite.support.observability.TraceParents;
import com.mongodb.MongoBulkWriteException;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Makes the deliveries of an event, one per active endpoint of the workspace's partner
 * subscribed to it, and hands them to the worker. A delivery's id is derived from the
 * event and the endpoint, so an event received twice is delivered once.
 */
@Component
class Deliveries {

	/**
	 * Fields of the suite's events that stay inside it: the owner's password hash of a
	 * new workspace is for auth-service, never for a partner's receiver.
	 */
	private static final Set<String> INTERNAL_FIELDS = Set.of("passwordHash");

	private final ReactiveMongoTemplate mongo;

	private final EventJson json;

	private final DeliveryWorker worker;

	private final Clock clock;

	private final TraceParents traces;

	Deliveries(ReactiveMongoTemplate mongo, EventJson json, DeliveryWorker worker, Clock clock, TraceParents traces) {
		this.mongo = mongo;
		this.json = json;
		this.worker = worker;
		this.clock = clock;
		this.traces = traces;
	}

	/**
	 * Delivers an event about a workspace to the partner's endpoints for it; held while
	 * the workspace is paused when the event type waits for activation.
	 * @param event the suite event
	 * @param type the webhook event it is
	 * @param workspace the workspace it is about
	 * @return completes when the deliveries are stored
	 */
	Mono<Void> deliver(CloudEvent<?> event, WebhookEvent type, Workspace workspace) {
		String payload = payload(event, type, workspace);
		String status = (type.heldWhilePaused() && workspace.isPaused()) ? Delivery.HELD : Delivery.PENDING;
		Instant now = this.clock.instant();
		String traceparent = this.traces.current();
		Query endpoints = Query.query(Criteria.where("partnerId")
			.is(workspace.partnerId())
			.and("event")
			.is(type.value())
			.and("disabledReason")
			.is(null));
		// A pending delivery is stored leased to this replica, which sends it at once.
		Instant lease = Delivery.PENDING.equals(status) ? this.worker.newLease(now) : null;
		return this.mongo.find(endpoints, WebhookEndpoint.class).collectList().flatMap((subscribed) -> {
			Map<String, WebhookEndpoint> byDelivery = new LinkedHashMap<>();
			List<Delivery> made = new ArrayList<>(subscribed.size());
			for (WebhookEndpoint endpoint : subscribed) {
				Delivery delivery = new Delivery(id(event, endpoint), endpoint.id(), workspace.partnerId(),
						workspace.id(), type.value(), payload, event.time(), status, List.of(), 0, now, lease, now,
						traceparent);
				made.add(delivery);
				byDelivery.put(delivery.id(), endpoint);
			}
			Consumer<Delivery> send = (delivery) -> {
				if (lease != null) {
					this.worker.sendNew(delivery, byDelivery.get(delivery.id()));
				}
			};
			return store(made, send);
		}).then(Delivery.HELD.equals(status) ? releaseIfActive(workspace.id()) : Mono.empty());
	}

	/**
	 * Held deliveries stored on a read of the workspace as paused, while its activation
	 * (and its release) went by, are released now: a second look after storing them.
	 */
	private Mono<Void> releaseIfActive(String workspaceId) {
		return this.mongo.findById(workspaceId, Workspace.class)
			.filter((workspace) -> !workspace.isPaused())
			.flatMap((workspace) -> release(workspace.id()));
	}

	/**
	 * Stores an event's deliveries with one insert and hands each new one to
	 * {@code send}. One made before (the event came twice) is left to the worker, which
	 * sends it when it is due: the insert stops at it, hands on those stored before it,
	 * and goes on after it. Should the error not say where it stopped, the worker also
	 * sends the ones stored by this insert, after their lease.
	 */
	private Mono<Void> store(List<Delivery> made, Consumer<Delivery> send) {
		if (made.isEmpty()) {
			return Mono.empty();
		}
		return this.mongo.insertAll(made).doOnNext(send).then().onErrorResume(DuplicateKeyException.class, (ex) -> {
			int failed = failedIndex(ex);
			if (failed < 0) {
				return Mono.empty();
			}
			made.subList(0, failed).forEach(send);
			return store(made.subList(failed + 1, made.size()), send);
		});
	}

	/**
	 * The position of the document an ordered insert stopped at, {@code -1} when the
	 * error does not say.
	 */
	private static int failedIndex(DuplicateKeyException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
				return bulk.getWriteErrors().get(0).getIndex();
			}
		}
		return -1;
	}

	/**
	 * Releases the deliveries held while a workspace was paused.
	 * @param workspaceId the workspace, active again
	 * @return completes when they are due
	 */
	Mono<Void> release(String workspaceId) {
		Query held = Query.query(Criteria.where("workspaceId").is(workspaceId).and("status").is(Delivery.HELD));
		held.fields().include("_id");
		return this.mongo.find(held, Document.class, "webhook_deliveries")
			.map((delivery) -> delivery.getString("_id"))
			.collectList()
			.flatMap((ids) -> this.mongo
				.updateMulti(Query.query(Criteria.where("_id").in(ids).and("status").is(Delivery.HELD)),
						Update.update("status", Delivery.PENDING).set("nextAttemptAt", this.clock.instant()),
						Delivery.class)
				.thenMany(Flux.fromIterable(ids))
				.doOnNext(this.worker::due)
				.then());
	}

	private String payload(CloudEvent<?> event, WebhookEvent type, Workspace workspace) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.value());
		body.put("timestamp", event.time().toString());
		body.put("workspace_id", workspace.id());
		JsonNode data = this.json.mapper().valueToTree(event.data());
		if (data instanceof ObjectNode fields) {
			fields.remove(INTERNAL_FIELDS);
		}
		body.put("data", data);
		return this.json.mapper().writeValueAsString(body);
	}

	private static String id(CloudEvent<?> event, WebhookEndpoint endpoint) {
		return UUID.nameUUIDFromBytes((event.id() + "/" + endpoint.id()).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
