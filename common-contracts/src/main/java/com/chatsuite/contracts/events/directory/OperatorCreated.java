package com.chatsuite.contracts.events.directory;

import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An operator was created in an organisation's addon.
 *
 * @param operatorId the operator id
 * @param email the operator's email
 * @param name the operator's display name
 * @param addon the addon unique name
 * @param active whether the operator is active for the addon
 */
public record OperatorCreated(String operatorId, String email, String name, String addon,
		boolean active) implements EventData {

	public OperatorCreated {
		Objects.requireNonNull(operatorId, "operatorId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(addon, "addon");
	}

}
