package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An auto-renewing workspace could not pay its plan's next period and was paused.
 *
 * @param workspaceId the workspace id
 * @param partnerId the owning partner's organisation id
 * @param plan the plan that was to be renewed
 * @param price the plan's price in points per period
 * @param balance the point balance, below the price
 * @param reason why the renewal failed
 * @param failedAt when the renewal failed
 */
public record AutoRenewFailed(String workspaceId, String partnerId, String plan, long price, long balance,
		String reason, Instant failedAt) implements EventData {

	public AutoRenewFailed {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(failedAt, "failedAt");
	}

}
