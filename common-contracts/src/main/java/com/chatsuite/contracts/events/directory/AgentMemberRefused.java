package com.chatsuite.contracts.events.directory;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An agent member of a partner workspace could not be made an operator of the workspace's
 * organisation, for example beyond the operators its plan allows. The subject is the
 * organisation (workspace) id.
 *
 * @param email the member's email
 * @param reason why the member is no operator
 * @param refusedAt when it was refused
 */
public record AgentMemberRefused(String email, String reason, Instant refusedAt) implements EventData {

	public AgentMemberRefused {
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(refusedAt, "refusedAt");
	}

}
