package com.chatsuite.chatroom.organisation;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of an organisation, projected from auth-service's events (it
 * owns organisations): whether it exists, its addons, whether it is active.
 *
 * @param id the organisation id
 * @param organisationDomain its sub domain, {@code null} until its creation is heard of
 * @param addons the addons it has installed
 * @param active whether it is active; {@code null} when never disabled or enabled
 * @param statusChangedAt when its status last changed, so an older event never overwrites
 * a newer one
 */
@Document("organisations")
record OrganisationProfile(@Id String id, String organisationDomain, Set<String> addons, Boolean active,
		Instant statusChangedAt) {

	OrganisationProfile {
		addons = (addons != null) ? Set.copyOf(addons) : Set.of();
	}

	boolean exists() {
		return this.organisationDomain != null;
	}

	boolean isActive() {
		return this.active == null || this.active;
	}

}
