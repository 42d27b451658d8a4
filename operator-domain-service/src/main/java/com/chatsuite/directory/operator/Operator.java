package com.chatsuite.directory.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.chatsuite.directory.Tenant;
import com.chatsuite.support.events.Announcements;
import com.chatsuite.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who answers chats, identified by email within an organisation. The same person
 * may be an operator in several addons of the organisation, each with its own status.
 *
 * @param id the operator id (the {@code agentId} of the agent ticket API)
 * @param orgId the organisation
 * @param email the email, lower case, unique within the organisation
 * @param name the display name
 * @param addons the addons the person is an operator in
 * @param createdAt when the person was first made an operator
 * @param announcedAt when it was last announced as it stands (created, or
 * {@code operator-announced}); {@code null} for operators stored before announcements
 * @param version optimistic lock
 * @param outbox events of its changes not yet sent
 */
@Document("operators")
@CompoundIndex(name = "org_email", def = "{'orgId': 1, 'email': 1}", unique = true)
public record Operator(@Id String id, String orgId, String email, String name, List<AddonMembership> addons,
		Instant createdAt, @Indexed(name = "announced") Instant announcedAt, @Version Long version,
		List<OutboxEvent> outbox) implements Announcements.Announceable {

	public Operator {
		addons = (addons != null) ? List.copyOf(addons) : List.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	/**
	 * The person's membership in one addon.
	 * @param addon the addon
	 * @return the membership, empty when the person is no operator there
	 */
	public Optional<AddonMembership> membership(String addon) {
		return this.addons.stream().filter((membership) -> membership.addon().equals(addon)).findFirst();
	}

	/**
	 * Tells whether the person is an operator of the tenant's organisation and addon at
	 * all, active or not. Anything else is another tenant's and does not exist for it.
	 * @param tenant the tenant
	 * @return whether the tenant may see this operator
	 */
	public boolean belongsTo(Tenant tenant) {
		return this.orgId.equals(tenant.orgId()) && membership(tenant.addon()).isPresent();
	}

	/**
	 * Tells whether the person is an active operator of an addon.
	 * @param addon the addon
	 * @return whether they take chats there
	 */
	public boolean isActiveIn(String addon) {
		return membership(addon).map(AddonMembership::active).orElse(false);
	}

	/**
	 * Tells whether the person takes chats in some addon, and so holds one of the
	 * operator seats of the organisation's plan.
	 * @return whether they are active in at least one addon
	 */
	public boolean isActiveAnywhere() {
		return this.addons.stream().anyMatch(AddonMembership::active);
	}

	/**
	 * The memberships after joining or changing the status in one addon.
	 * @param addon the addon
	 * @param active the new status
	 * @param at when
	 * @return the new list of memberships
	 */
	List<AddonMembership> withMembership(String addon, boolean active, Instant at) {
		List<AddonMembership> changed = new ArrayList<>(this.addons);
		changed.removeIf((membership) -> membership.addon().equals(addon));
		changed.add(new AddonMembership(addon, active, at));
		return changed;
	}

}
