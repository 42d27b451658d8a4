package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A workspace moved to another plan.
 *
 * @param workspaceId the workspace id
 * @param partnerId the owning partner's organisation id
 * @param previousPlan the plan before the change
 * @param plan the plan after the change
 * @param maxOperators the most operators the new plan allows
 * @param maxDomains the most domains the new plan allows
 * @param changedAt when it changed
 */
public record PlanChanged(String workspaceId, String partnerId, String previousPlan, String plan, int maxOperators,
		int maxDomains, Instant changedAt) implements EventData {

	public PlanChanged {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(previousPlan, "previousPlan");
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(changedAt, "changedAt");
	}

}
