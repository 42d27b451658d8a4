package com.chatsuite.contracts.events.auth;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A disabled organisation was enabled again.
 *
 * @param organisationId the organisation id
 * @param organisationDomain the organisation's sub domain name
 * @param enabledAt when it was enabled
 */
public record OrganisationEnabled(String organisationId, String organisationDomain,
		Instant enabledAt) implements EventData {

	public OrganisationEnabled {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(organisationDomain, "organisationDomain");
		Objects.requireNonNull(enabledAt, "enabledAt");
	}

}
