package com.chatsuite.directory.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.web.ApiException;
import com.mongodb.client.result.UpdateResult;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The operators and domains a partner workspace's plan allows its organisation, from
 * {@code partner.workspaces}; organisations without a workspace have no limit.
 * <p>
 * Each organisation has one {@link Seats} document listing the operators and domains that
 * hold a seat next to the plan's limits. A seat is taken before the operator or domain is
 * written, by an update conditional on the version of the document the decision was read
 * from, so two concurrent creations never both take the last seat: the second one's
 * update finds the version moved on and decides again against the new list. Every read
 * and write is by the organisation id. Seats are keyed by operator or domain id, so
 * taking or freeing one twice changes nothing; after a change of an operator or domain
 * its seat is {@linkplain #settle settled} against what is stored.
 */
@Component
public class PlanLimits {

	/**
	 * How long a seat may be held by an id not yet written: far longer than taking a seat
	 * and writing takes, so a creation still under way never loses its seat.
	 */
	static final Duration GRACE = Duration.ofMinutes(1);

	private final ReactiveMongoTemplate mongo;

	private final Map<Kind, SeatHolders> holders;

	private final Clock clock;

	PlanLimits(ReactiveMongoTemplate mongo, List<SeatHolders> holders, Clock clock) {
		this.mongo = mongo;
		this.holders = holders.stream().collect(Collectors.toUnmodifiableMap(SeatHolders::kind, Function.identity()));
		this.clock = clock;
	}

	/**
	 * Takes a seat for an operator or domain about to be created or activated.
	 * @param orgId the organisation
	 * @param kind what the seat is for
	 * @param id the operator or domain id
	 * @return completes when the seat is held; 403 when the plan allows no more
	 */
	public Mono<Void> take(String orgId, Kind kind, String id) {
		Mono<Void> step = Mono.defer(() -> this.mongo.findById(orgId, Seats.class)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((seats) -> take(orgId, kind, id, seats.orElse(null))));
		return ConcurrentChange.retrying(step, kind.field);
	}

	private Mono<Void> take(String orgId, Kind kind, String id, Seats seats) {
		Integer max = (seats != null) ? kind.max.apply(seats) : null;
		if (max == null) {
			return takeUnlimited(orgId, kind, id);
		}
		List<String> held = kind.held.apply(seats);
		if (held.contains(id)) {
			return Mono.empty();
		}
		if (held.size() >= max) {
			return reclaim(orgId, kind, seats).flatMap((reclaimed) -> Mono
				.error(reclaimed ? new ConcurrentChange() : ApiException.forbidden(null, "plan limit reached: at most "
						+ max + " " + kind.field + " on plan " + seats.plan() + " (" + held.size() + " in use)")));
		}
		Update add = new Update().addToSet(kind.field, id).set("takenAt." + id, this.clock.instant()).inc("version", 1);
		return ifUnchanged(orgId, seats, add);
	}

	/**
	 * Frees the seats taken long enough ago by ids that hold none.
	 * @return whether any was freed
	 */
	private Mono<Boolean> reclaim(String orgId, Kind kind, Seats seats) {
		Instant before = this.clock.instant().minus(GRACE);
		List<String> old = kind.held.apply(seats).stream().filter((id) -> {
			Instant takenAt = seats.takenAt().get(id);
			return takenAt == null || takenAt.isBefore(before);
		}).toList();
		SeatHolders holders = this.holders.get(kind);
		if (old.isEmpty() || holders == null) {
			return Mono.just(false);
		}
		return holders.holding(orgId, old).collectList().flatMap((holding) -> {
			List<String> left = old.stream().filter((id) -> !holding.contains(id)).toList();
			if (left.isEmpty()) {
				return Mono.just(false);
			}
			Update free = new Update().pullAll(kind.field, left.toArray()).inc("version", 1);
			left.forEach((id) -> free.unset("takenAt." + id));
			return ifUnchanged(orgId, seats, free).thenReturn(true);
		});
	}

	private Mono<Void> ifUnchanged(String orgId, Seats seats, Update update) {
		Query unchanged = Query.query(Criteria.where("_id").is(orgId).and("version").is(seats.version()));
		return this.mongo.updateFirst(unchanged, update, Seats.class)
			.flatMap((result) -> (result.getMatchedCount() == 0) ? Mono.error(new ConcurrentChange()) : Mono.empty());
	}

	/** No limit: added as long as none was set meanwhile, without contention. */
	private Mono<Void> takeUnlimited(String orgId, Kind kind, String id) {
		Query unlimited = Query.query(Criteria.where("_id").is(orgId).and(kind.maxField).exists(false));
		Update add = new Update().addToSet(kind.field, id).setOnInsert("limitsChangedAt", Instant.EPOCH);
		// A limit set meanwhile makes the upsert collide with the existing document:
		// decide again under it.
		return this.mongo.upsert(unlimited, add, Seats.class)
			.onErrorMap(DuplicateKeyException.class, (ex) -> new ConcurrentChange())
			.then();
	}

	/**
	 * Makes the seat of an operator or domain agree with what is stored after a change:
	 * held while it is active, free otherwise. Freeing is checked once more afterwards,
	 * so a concurrent activation between the read and the freeing keeps its seat.
	 * @param orgId the organisation
	 * @param kind what the seat is for
	 * @param id the operator or domain id
	 * @param holdsSeat reads whether it is (still) active; empty or {@code false} when
	 * not
	 * @return completes when settled
	 */
	public Mono<Void> settle(String orgId, Kind kind, String id, Mono<Boolean> holdsSeat) {
		Mono<Boolean> holds = holdsSeat.defaultIfEmpty(false);
		return holds.flatMap((held) -> held ? hold(orgId, kind, id)
				: free(orgId, kind, id).then(holds).flatMap((again) -> again ? hold(orgId, kind, id) : Mono.empty()));
	}

	/**
	 * Frees the seat of an operator or domain that was never written.
	 * @param orgId the organisation
	 * @param kind what the seat is for
	 * @param id the operator or domain id
	 * @return completes when free
	 */
	public Mono<Void> free(String orgId, Kind kind, String id) {
		Update free = new Update().pull(kind.field, id).unset("takenAt." + id);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(orgId)), free, Seats.class).then();
	}

	/** Holds a seat already decided on, whatever the limit says now. */
	private Mono<Void> hold(String orgId, Kind kind, String id) {
		Update add = new Update().addToSet(kind.field, id)
			.inc("version", 1)
			.setOnInsert("limitsChangedAt", Instant.EPOCH);
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(orgId)), add, Seats.class).then();
	}

	/**
	 * Records a workspace's plan limits unless later ones are recorded already; seats
	 * taken beyond new, lower limits stay, and no more are given until enough are freed.
	 * @param orgId the workspace's organisation
	 * @param plan the plan
	 * @param maxOperators the most operators it allows
	 * @param maxDomains the most domains it allows
	 * @param changedAt when the plan took effect
	 * @return completes when recorded or found stale
	 */
	public Mono<Void> limit(String orgId, String plan, int maxOperators, int maxDomains, Instant changedAt) {
		Query olderOrAbsent = Query.query(Criteria.where("_id").is(orgId).and("limitsChangedAt").lt(changedAt));
		Update limits = Update.update("plan", plan)
			.set(Kind.OPERATORS.maxField, maxOperators)
			.set(Kind.DOMAINS.maxField, maxDomains)
			.set("limitsChangedAt", changedAt)
			.inc("version", 1);
		// Nothing older matched and the id exists: later limits are recorded already.
		return this.mongo.upsert(olderOrAbsent, limits, Seats.class)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.<UpdateResult>empty())
			.then();
	}

	/**
	 * What a seat is for.
	 */
	public enum Kind {

		/** An operator active in at least one addon. */
		OPERATORS("operators", "maxOperators", Seats::operators, Seats::maxOperators),

		/** An active domain. */
		DOMAINS("domains", "maxDomains", Seats::domains, Seats::maxDomains);

		private final String field;

		private final String maxField;

		private final Function<Seats, List<String>> held;

		private final Function<Seats, Integer> max;

		Kind(String field, String maxField, Function<Seats, List<String>> held, Function<Seats, Integer> max) {
			this.field = field;
			this.maxField = maxField;
			this.held = held;
			this.max = max;
		}

	}

}
