package com.chatsuite.contracts.events.directory;

import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A domain (a website embedding the widget) was registered.
 *
 * @param domainId the domain id
 * @param name the domain name, without scheme
 * @param email the domain's contact email
 * @param addon the addon unique name
 * @param active whether the domain is active
 */
public record DomainCreated(String domainId, String name, String email, String addon,
		boolean active) implements EventData {

	public DomainCreated {
		Objects.requireNonNull(domainId, "domainId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(addon, "addon");
	}

}
