package com.chatsuite.contracts.events.directory;

import java.util.Objects;

import com.chatsuite.contracts.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An operator's assignment to a domain changed. Carries the assignment after the change.
 *
 * @param operatorId the operator id
 * @param domainId the domain id
 * @param domainName the domain name (a website without scheme)
 * @param addon the addon unique name
 * @param isAdmin whether the operator administers the domain
 * @param onlineStatus whether the operator takes chats of the domain
 * @param status whether the assignment is enabled
 * @param uniqueId the assignment's unique id in the addon, or {@code null}
 */
public record AssignmentUpdated(String operatorId, String domainId, String domainName, String addon,
		@JsonProperty("isAdmin") boolean isAdmin, boolean onlineStatus, boolean status,
		String uniqueId) implements EventData {

	public AssignmentUpdated {
		Objects.requireNonNull(operatorId, "operatorId");
		Objects.requireNonNull(domainId, "domainId");
		Objects.requireNonNull(domainName, "domainName");
		Objects.requireNonNull(addon, "addon");
	}

}
