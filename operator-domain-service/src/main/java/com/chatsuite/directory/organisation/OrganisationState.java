package com.chatsuite.directory.organisation;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Whether an organisation is active, projected from auth-service's
 * {@code organisation-disabled} and {@code organisation-enabled} events (auth-service
 * owns organisations). An organisation never heard of is active.
 *
 * @param id the organisation id
 * @param active whether it is active
 * @param changedAt when its status last changed, so an older event never overwrites a
 * newer one
 */
@Document("organisation_states")
record OrganisationState(@Id String id, boolean active, Instant changedAt, Map<String, AddonState> addons) {

	/**
	 * Whether an addon is installed, as last heard; {@code true} when nothing was heard
	 * of it (organisations older than this record).
	 * @param addon the addon
	 * @return whether it is installed
	 */
	boolean hasAddon(String addon) {
		AddonState state = (this.addons != null) ? this.addons.get(addon) : null;
		return state == null || state.installed();
	}

	/**
	 * An addon of the organisation.
	 *
	 * @param installed whether it is installed
	 * @param at when that was last changed
	 */
	record AddonState(boolean installed, Instant at) {
	}

}
