package com.chatsuite.contracts.events.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An organisation as it stands, announced again at regular intervals (well within the
 * topic's retention), so that a consumer reading {@code auth.organisations} from its
 * start learns every organisation, however long ago it was created: a service deployed
 * later, or one whose database was lost. Its addons replace those known; its status
 * travels on {@code auth.revocations} as always.
 *
 * @param organisationId the organisation id
 * @param organisationDomain the organisation's sub domain name
 * @param addons the addon unique names installed now
 * @param announcedAt when this was its state
 */
public record OrganisationAnnounced(String organisationId, String organisationDomain, List<String> addons,
		Instant announcedAt) implements EventData {

	public OrganisationAnnounced {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(organisationDomain, "organisationDomain");
		addons = (addons != null) ? List.copyOf(addons) : List.of();
		Objects.requireNonNull(announcedAt, "announcedAt");
	}

}
