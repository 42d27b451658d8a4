package com.chatsuite.auth.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.chatsuite.support.events.Announcements;
import com.chatsuite.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant: an organisation with its sub domain, owner credentials and installed addons.
 *
 * @param id the organisation id
 * @param organisationDomain the unique sub domain name
 * @param email the owner's email (lower case)
 * @param passwordHash a slow salted hash of the password, never the password
 * @param status active or disabled
 * @param addons the installed addons
 * @param createdAt when it was created
 * @param announcedAt when it was last announced as it stands (created, or
 * {@code organisation-announced}); {@code null} for organisations stored before
 * announcements
 * @param version optimistic lock
 * @param outbox events of its changes not yet sent
 */
@Document("organisations")
public record Organisation(@Id String id, @Indexed(unique = true) String organisationDomain, String email,
		String passwordHash, OrganisationStatus status, Set<String> addons, Instant createdAt,
		@Indexed(name = "announced") Instant announcedAt, @Version Long version,
		List<OutboxEvent> outbox) implements Announcements.Announceable {

	public Organisation {
		addons = (addons != null) ? Set.copyOf(new TreeSet<>(addons)) : Set.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	public boolean isActive() {
		return this.status == OrganisationStatus.ACTIVE;
	}

	public boolean hasAddon(String addon) {
		return this.addons.contains(addon);
	}

}
