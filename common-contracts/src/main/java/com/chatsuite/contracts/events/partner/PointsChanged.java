package com.chatsuite.contracts.events.partner;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * A workspace's point balance changed by a ledger entry.
 *
 * @param workspaceId the workspace id
 * @param partnerId the owning partner's organisation id
 * @param delta the points added (positive) or deducted (negative)
 * @param balance the balance after the change, never negative
 * @param entryId the ledger entry id
 * @param reason why the points changed
 * @param changedAt when they changed
 */
public record PointsChanged(String workspaceId, String partnerId, long delta, long balance, String entryId,
		String reason, Instant changedAt) implements EventData {

	public PointsChanged {
		Objects.requireNonNull(workspaceId, "workspaceId");
		Objects.requireNonNull(partnerId, "partnerId");
		Objects.requireNonNull(entryId, "entryId");
		Objects.requireNonNull(reason, "reason");
		Objects.requireNonNull(changedAt, "changedAt");
		if (balance < 0) {
			throw new IllegalArgumentException("balance must not be negative but was " + balance);
		}
	}

}
