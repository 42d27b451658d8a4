package com.chatsuite.partner.points;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxWrites;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A workspace's points: the balance and every entry that made it, in one document, so a
 * change of the balance and its entry are one write and the entries always sum to the
 * balance.
 *
 * @param id the workspace id
 * @param partnerId the owning partner
 * @param balance the balance, never negative
 * @param entries the entries, oldest first
 * @param version optimistic lock: a change applies only to the balance it was decided on
 * @param outbox events of its changes not yet sent
 */
@Document("points_ledgers")
public record PointsLedger(@Id String id, String partnerId, long balance, List<Entry> entries, @Version Long version,
		List<OutboxEvent> outbox) implements OutboxWrites.Aggregate {

	public PointsLedger {
		entries = (entries != null) ? List.copyOf(entries) : List.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	static PointsLedger empty(String workspaceId, String partnerId) {
		return new PointsLedger(workspaceId, partnerId, 0, List.of(), null, List.of());
	}

	Optional<Entry> entry(String id) {
		return this.entries.stream().filter((entry) -> entry.id().equals(id)).findFirst();
	}

	/**
	 * One change of the balance.
	 *
	 * @param id the entry id
	 * @param delta points added (positive) or deducted (negative)
	 * @param balance the balance after it
	 * @param reason why
	 * @param at when
	 */
	public record Entry(String id, long delta, long balance, String reason, Instant at) {
	}

}
