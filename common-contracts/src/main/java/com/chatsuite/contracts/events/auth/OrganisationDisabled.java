package com.chatsuite.contracts.events.auth;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An organisation was disabled: every token issued for it must be refused.
 *
 * @param organisationId the organisation id
 * @param organisationDomain the organisation's sub domain name
 * @param disabledAt when it was disabled
 */
public record OrganisationDisabled(String organisationId, String organisationDomain,
		Instant disabledAt) implements EventData {

	public OrganisationDisabled {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(organisationDomain, "organisationDomain");
		Objects.requireNonNull(disabledAt, "disabledAt");
	}

}
