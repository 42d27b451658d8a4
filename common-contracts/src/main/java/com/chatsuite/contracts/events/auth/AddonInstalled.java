package com.chatsuite.contracts.events.auth;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An organisation installed an addon.
 *
 * @param organisationId the organisation id
 * @param addon the addon unique name
 * @param installedAt when it was installed
 */
public record AddonInstalled(String organisationId, String addon, Instant installedAt) implements EventData {

	public AddonInstalled {
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(addon, "addon");
		Objects.requireNonNull(installedAt, "installedAt");
	}

}
