package com.chatsuite.auth.apikey;

import java.time.Instant;
import java.util.List;

import com.chatsuite.support.events.HasOutbox;
import com.chatsuite.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner's API key. The key itself (a signed token) is shown once at creation and
 * never stored; what is kept is enough to list and revoke it.
 *
 * @param id the key id (the token's {@code jti})
 * @param orgId the partner organisation
 * @param name the partner's name for it
 * @param permissions what it may do
 * @param kid the signing key that signed it, kept published while the key is active
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, {@code null} while active
 * @param outbox events of its changes not yet sent
 */
@Document("api_keys")
record ApiKey(@Id String id, @Indexed String orgId, String name, List<String> permissions, String kid,
		Instant createdAt, Instant revokedAt, List<OutboxEvent> outbox) implements HasOutbox {

	ApiKey {
		permissions = List.copyOf(permissions);
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	boolean isActive() {
		return this.revokedAt == null;
	}

}
