package com.chatsuite.partner.points;

import java.time.Clock;
import java.time.Duration;

import com.chatsuite.contracts.events.partner.PointsChanged;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Adds and deducts a workspace's points (SPEC section 4): each change is decided on the
 * balance read and written only if the ledger is still at that version, with its entry
 * and its event, so concurrent deductions never take the balance below zero.
 */
@Component
public class Points {

	/**
	 * Attempts of one change against concurrent ones: each attempt loses only to a change
	 * that succeeded, so fifty at once all finish well within this.
	 */
	private static final int ATTEMPTS = 200;

	private final ReactiveMongoTemplate mongo;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final Clock clock;

	Points(ReactiveMongoTemplate mongo, OutboxWrites writes, OutboxEvents events, Clock clock) {
		this.mongo = mongo;
		this.writes = writes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A workspace's ledger.
	 * @param workspaceId the workspace
	 * @param partnerId its partner
	 * @return the ledger, empty (balance 0) when no points were ever added
	 */
	Mono<PointsLedger> ledger(String workspaceId, String partnerId) {
		return this.mongo.findById(workspaceId, PointsLedger.class)
			.defaultIfEmpty(PointsLedger.empty(workspaceId, partnerId));
	}

	/**
	 * A workspace's balance.
	 * @param workspaceId the workspace
	 * @return the balance, 0 when no points were ever added
	 */
	public Mono<Long> ledgerBalance(String workspaceId) {
		return this.mongo.findById(workspaceId, PointsLedger.class).map(PointsLedger::balance).defaultIfEmpty(0L);
	}

	/**
	 * Changes a workspace's balance by an entry.
	 * @param workspaceId the workspace
	 * @param partnerId its partner
	 * @param delta the points to add (positive) or deduct (negative)
	 * @param reason why
	 * @param entryId the entry id; an entry of this id already in the ledger is not made
	 * again
	 * @return the ledger after the change; 409 when a deduction exceeds the balance
	 */
	public Mono<PointsLedger> change(String workspaceId, String partnerId, long delta, String reason, String entryId) {
		Mono<PointsLedger> step = Mono
			.defer(() -> stored(workspaceId, partnerId).flatMap((ledger) -> apply(ledger, delta, reason, entryId)));
		return step.retryWhen(Retry.backoff(ATTEMPTS, Duration.ofMillis(2))
			.maxBackoff(Duration.ofMillis(50))
			.jitter(0.75)
			.filter(ConcurrentChange.class::isInstance)
			.onRetryExhaustedThrow((spec, signal) -> ApiException.conflict("points",
					"the points were changed by many requests at the same time; try again")));
	}

	private Mono<PointsLedger> apply(PointsLedger ledger, long delta, String reason, String entryId) {
		if (ledger.entry(entryId).isPresent()) {
			return Mono.just(ledger);
		}
		long balance = ledger.balance() + delta;
		if (balance < 0) {
			return Mono.error(ApiException.conflict("points", "not enough points: the balance is " + ledger.balance()
					+ ", " + (-delta) + " cannot be deducted; nothing was changed"));
		}
		PointsLedger.Entry entry = new PointsLedger.Entry(entryId, delta, balance, reason, this.clock.instant());
		PointsChanged changed = new PointsChanged(ledger.id(), ledger.partnerId(), delta, balance, entryId, reason,
				entry.at());
		Update update = Update.update("balance", balance).push("entries", entry);
		return this.writes.update(PointsLedger.class, ledger.id(), ledger.version(), update,
				this.events.of(ledger.id(), ledger.partnerId(), changed));
	}

	/** The stored ledger, created empty on first use. */
	private Mono<PointsLedger> stored(String workspaceId, String partnerId) {
		return this.mongo.findById(workspaceId, PointsLedger.class)
			.switchIfEmpty(Mono.defer(() -> this.mongo.insert(PointsLedger.empty(workspaceId, partnerId))
				.onErrorResume(DuplicateKeyException.class,
						(ex) -> this.mongo.findById(workspaceId, PointsLedger.class))));
	}

}
