package com.chatsuite.contracts.events.directory;

import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An operator was activated or deactivated for an addon.
 *
 * @param operatorId the operator id
 * @param email the operator's email
 * @param addon the addon unique name
 * @param active whether the operator is now active for the addon
 */
public record OperatorAddonStatusChanged(String operatorId, String email, String addon,
		boolean active) implements EventData {

	public OperatorAddonStatusChanged {
		Objects.requireNonNull(operatorId, "operatorId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(addon, "addon");
	}

}
