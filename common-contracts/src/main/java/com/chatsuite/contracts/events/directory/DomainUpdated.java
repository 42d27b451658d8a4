package com.chatsuite.contracts.events.directory;

import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A domain was changed; {@code previousName} lets consumers re-key by name.
 *
 * @param domainId the domain id
 * @param name the domain name after the change
 * @param previousName the domain name before the change
 * @param email the domain's contact email
 * @param addon the addon unique name
 * @param active whether the domain is active
 */
public record DomainUpdated(String domainId, String name, String previousName, String email, String addon,
		boolean active) implements EventData {

	public DomainUpdated {
		Objects.requireNonNull(domainId, "domainId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(previousName, "previousName");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(addon, "addon");
	}

}
