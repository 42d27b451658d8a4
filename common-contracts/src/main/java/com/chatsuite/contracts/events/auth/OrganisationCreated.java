package com.chatsuite.contracts.events.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An organisation was created, with the addons it starts with.
 *
 * @param organisationId the organisation id
 * @param organisationDomain the organisation's sub domain name
 * @param addons the addon unique names installed at creation
 * @param createdAt when it was created
 */
public record OrganisationCreated(String organisationId, String organisationDomain, List<String> addons,
		Instant createdAt) implements EventData {

	public OrganisationCreated {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(organisationDomain, "organisationDomain");
		addons = (addons != null) ? List.copyOf(addons) : List.of();
		Objects.requireNonNull(createdAt, "createdAt");
	}

}
