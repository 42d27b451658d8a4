package com.chatsuite.partner.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event to deliver to one endpoint, and every attempt at it. Its id is the
 * {@code webhook-id} of every attempt, so receivers can drop repeats. The indexes serve
 * the replicas' search for due deliveries and the release of held ones (MongoDB; the
 * local store ignores indexes that are not unique).
 *
 * @param id the delivery id, derived from the event and the endpoint so an event received
 * twice makes one delivery
 * @param endpointId the endpoint
 * @param partnerId the partner
 * @param workspaceId the workspace the event is about
 * @param event the event type, dotted
 * @param payload the JSON body sent
 * @param timestamp the event's time, the payload's {@code timestamp}
 * @param status pending, held, succeeded, failed or cancelled
 * @param attempts the attempts made, oldest first
 * @param retries failed attempts since the delivery was (re)started, counting into the
 * retry schedule
 * @param nextAttemptAt when a pending delivery is due
 * @param leaseUntil while a replica is sending it, until when
 * @param createdAt when it was made
 * @param traceparent the W3C trace context of the event that made it, continued by the
 * attempts' calls; {@code null} without one
 */
@Document("webhook_deliveries")
@CompoundIndexes({ @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "held", def = "{'workspaceId': 1, 'status': 1}") })
record Delivery(@Id String id, String endpointId, String partnerId, String workspaceId, String event, String payload,
		Instant timestamp, String status, List<Attempt> attempts, int retries, Instant nextAttemptAt,
		Instant leaseUntil, Instant createdAt, String traceparent) {

	static final String PENDING = "pending";

	static final String HELD = "held";

	static final String SUCCEEDED = "succeeded";

	static final String FAILED = "failed";

	static final String CANCELLED = "cancelled";

	Delivery {
		attempts = (attempts != null) ? List.copyOf(attempts) : List.of();
	}

	/**
	 * One attempt.
	 *
	 * @param at when it started
	 * @param statusCode the receiver's status code, {@code null} when none came
	 * @param error what went wrong, {@code null} on success
	 * @param durationMs how long it took
	 */
	record Attempt(Instant at, Integer statusCode, String error, long durationMs) {
	}

}
