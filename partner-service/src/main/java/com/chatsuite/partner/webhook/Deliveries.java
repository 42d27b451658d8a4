package com.chatsuite.partner.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.partner.workspace.Workspace;
import com.chatsuite.support.observability.TraceParents;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
		return this.mongo.find(endpoints, WebhookEndpoint.class)
			.concatMap((endpoint) -> this.mongo
				.insert(new Delivery(id(event, endpoint), endpoint.id(), workspace.partnerId(), workspace.id(),
						type.value(), payload, event.time(), status, List.of(), 0, now, lease, now, traceparent))
				.filter((delivery) -> lease != null)
				.doOnNext((delivery) -> this.worker.sendNew(delivery, endpoint))
				// Made before (the event came twice): the worker sends it when it is due.
				.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty()))
			.then();
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
		body.put("data", this.json.mapper().valueToTree(event.data()));
		return this.json.mapper().writeValueAsString(body);
	}

	private static String id(CloudEvent<?> event, WebhookEndpoint endpoint) {
		return UUID.nameUUIDFromBytes((event.id() + "/" + endpoint.id()).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
