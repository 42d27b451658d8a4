package com.chatsuite.directory.visibility;

import com.chatsuite.contracts.events.ticket.AgentStatus;

/**
 * One operator assigned to the domain, with everything the visibility rules ask of it.
 *
 * @param operatorId the operator
 * @param activeInAddon whether the operator is active in the addon
 * @param assignmentEnabled whether its assignment has {@code status} true
 * @param onlineStatus whether its assignment has {@code online_status} true
 * @param presence its presence
 */
record Candidate(String operatorId, boolean activeInAddon, boolean assignmentEnabled, boolean onlineStatus,
		AgentStatus presence) {

}
