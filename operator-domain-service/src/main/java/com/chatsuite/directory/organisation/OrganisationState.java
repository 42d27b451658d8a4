package com.chatsuite.directory.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * @param addons each addon's last heard installation or removal
 * @param announced the addons of the organisation's latest announcement as it stands
 * (auth-service repeats it regularly), which stands for every addon not changed since
 */
@Document("organisation_states")
record OrganisationState(@Id String id, boolean active, Instant changedAt, Map<String, AddonState> addons,
		Announced announced) {

	/**
	 * Whether an addon is installed, as last heard; {@code true} when nothing was heard
	 * of it (organisations older than this record).
	 * @param addon the addon
	 * @return whether it is installed
	 */
	boolean hasAddon(String addon) {
		AddonState state = (this.addons != null) ? this.addons.get(addon) : null;
		if (this.announced != null && (state == null || state.at().isBefore(this.announced.at()))) {
			return this.announced.addons().contains(addon);
		}
		return state == null || state.installed();
	}

	/**
	 * The addons whose answer this record decides: those heard of, one by one or
	 * announced.
	 * @return their names
	 */
	Set<String> addonsKnown() {
		Set<String> known = new TreeSet<>();
		if (this.addons != null) {
			known.addAll(this.addons.keySet());
		}
		if (this.announced != null) {
			known.addAll(this.announced.addons());
		}
		return known;
	}

	/**
	 * An addon of the organisation.
	 *
	 * @param installed whether it is installed
	 * @param at when that was last changed
	 */
	record AddonState(boolean installed, Instant at) {
	}

	/**
	 * An announcement of the organisation as it stands.
	 *
	 * @param addons the addons installed then
	 * @param at when that was its state
	 */
	record Announced(List<String> addons, Instant at) {

		Announced {
			addons = (addons != null) ? List.copyOf(addons) : List.of();
		}

	}

}
