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
 * @param operation the operation's id, the same for every attempt of the request, so that
 * a change it makes can be recognised when an attempt whose outcome was not known runs
 * again ({@link IdempotentOperation})
 * @param attempt which attempt holds the key (a retry after a released or expired lease
 * takes the next); 0 for records stored before attempts were counted
 * @param leaseUntil until when the attempt holding the key may still be running; a
 * failed, cancelled or crashed attempt no longer holds it after that, and the next
 * request with the key runs instead of being told to wait
 * @param status the answer's status code; {@code 0} while no answer is stored
 * @param contentType the answer's content type
 * @param body the answer's body
 * @param createdAt when the first request arrived; MongoDB removes the record a day later
 * (a TTL index), after which the key is new again, as with the payment APIs that
 * popularised the header
 */
@Document("idempotent_requests")
record IdempotentRequest(@Id String id, String fingerprint, String operation, Integer attempt, Instant leaseUntil,
		int status, String contentType, byte[] body, @Indexed(name = "expiry", expireAfter = "24h") Instant createdAt) {

	IdempotentRequest {
		attempt = (attempt != null) ? attempt : 0;
	}

	boolean isAnswered() {
		return this.status != 0;
	}

	/**
	 * Whether the attempt holding the key may still be running.
	 * @param now the time now
	 * @return {@code true} while its lease lasts; always for a record stored before
	 * leases, whose attempt may have made its change under no operation id (it is held
	 * until the record expires, as it was then)
	 */
	boolean isHeld(Instant now) {
		return this.leaseUntil == null || this.leaseUntil.isAfter(now);
	}

}
