package com.chatsuite.contracts.events.auth;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An organisation removed an addon; its tokens for that addon are revoked separately
 * ({@link TokenRevoked} on {@code auth.revocations}).
 *
 * @param organisationId the organisation id
 * @param addon the addon unique name
 * @param removedAt when it was removed
 */
public record AddonRemoved(String organisationId, String addon, Instant removedAt) implements EventData {

	public AddonRemoved {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(addon, "addon");
		Objects.requireNonNull(removedAt, "removedAt");
	}

}
