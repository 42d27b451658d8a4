package com.chatsuite.partner.web;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A state-changing request made with an {@code Idempotency-Key}, and its first answer.
 *
 * @param id the partner id and the key
 * @param fingerprint SHA-256 of the method, path and body, so the same key with another
 * request is told apart
 * @param status the answer's status code; {@code 0} while the first request runs
 * @param contentType the answer's content type
 * @param body the answer's body
 * @param createdAt when the first request arrived; MongoDB removes the record a day later
 * (a TTL index), after which the key is new again, as with the payment APIs that
 * popularised the header
 */
@Document("idempotent_requests")
record IdempotentRequest(@Id String id, String fingerprint, int status, String contentType, byte[] body,
		@Indexed(name = "expiry", expireAfter = "24h") Instant createdAt) {

	boolean isAnswered() {
		return this.status != 0;
	}

}
