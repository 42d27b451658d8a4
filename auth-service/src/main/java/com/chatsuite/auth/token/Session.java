package com.chatsuite.auth.token;

import java.time.Instant;
import java.util.List;

import com.chatsuite.support.events.HasOutbox;
import com.chatsuite.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A login of one organisation for one addon: the chain of refresh tokens rotated from it,
 * and every access token issued along it (they carry its id as {@code sid}).
 *
 * @param id the session id
 * @param orgId the organisation
 * @param addon the addon
 * @param createdAt when the login happened
 * @param revokedAt when it was revoked, {@code null} while usable
 * @param outbox events of its changes not yet sent
 */
@Document("sessions")
record Session(@Id String id, String orgId, String addon, Instant createdAt, Instant revokedAt,
		List<OutboxEvent> outbox) implements HasOutbox {

	Session {
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

}
