package com.chatsuite.partner.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner's URL for one event type, with its signing secret and how its deliveries
 * fare.
 *
 * @param id the endpoint id
 * @param partnerId the partner
 * @param event the event type, dotted ({@code workspace.paused})
 * @param url the URL
 * @param secret the signing secret ({@code whsec_} + base64), shown once
 * @param disabledReason why it is disabled, {@code null} while active
 * @param disabledAt when it was disabled
 * @param lastSuccessAt the last delivery the receiver accepted
 * @param lastFailureAt the last failed attempt
 * @param lastFailure what went wrong then
 * @param failingSince the first failure after the last success, {@code null} after a
 * success
 * @param createdAt when it was registered
 */
@Document("webhook_endpoints")
@CompoundIndex(name = "partner_event_url", def = "{'partnerId': 1, 'event': 1, 'url': 1}", unique = true)
record WebhookEndpoint(@Id String id, String partnerId, String event, String url, String secret, String disabledReason,
		Instant disabledAt, Instant lastSuccessAt, Instant lastFailureAt, String lastFailure, Instant failingSince,
		Instant createdAt) {

	boolean isActive() {
		return this.disabledReason == null;
	}

}
