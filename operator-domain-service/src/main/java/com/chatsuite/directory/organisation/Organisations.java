package com.chatsuite.directory.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The organisation status projection.
 */
@Component
public class Organisations {

	private final ReactiveMongoTemplate mongo;

	Organisations(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Tells whether an organisation is active.
	 * @param orgId the organisation
	 * @return whether it is active; {@code true} unless it was disabled
	 */
	public Mono<Boolean> isActive(String orgId) {
		return this.mongo.findById(orgId, OrganisationState.class).map(OrganisationState::active).defaultIfEmpty(true);
	}

	/**
	 * Tells whether an organisation has an addon installed.
	 * @param orgId the organisation
	 * @param addon the addon
	 * @return whether it is installed; {@code true} unless it was heard removed
	 */
	public Mono<Boolean> hasAddon(String orgId, String addon) {
		return standing(orgId, addon).map(Standing::addonInstalled);
	}

	/**
	 * What the widget check needs to know of an organisation, in one read.
	 * @param orgId the organisation
	 * @param addon the addon asked about
	 * @return whether it is active and has the addon; both {@code true} unless heard
	 * otherwise
	 */
	public Mono<Standing> standing(String orgId, String addon) {
		return this.mongo.findById(orgId, OrganisationState.class)
			.map((state) -> new Standing(state.active(), state.hasAddon(addon)))
			.defaultIfEmpty(new Standing(true, true));
	}

	/**
	 * An organisation's standing for one addon.
	 *
	 * @param active whether the organisation is active
	 * @param addonInstalled whether it has the addon installed
	 */
	public record Standing(boolean active, boolean addonInstalled) {
	}

	/**
	 * Records that an addon was installed or removed, unless a later change of it is
	 * recorded already.
	 * @param orgId the organisation
	 * @param addon the addon
	 * @param installed whether it is installed now
	 * @param at when it changed
	 * @return completes when recorded or found stale
	 */
	Mono<Void> addonChanged(String orgId, String addon, boolean installed, Instant at) {
		String field = "addons." + addon;
		Query olderOrAbsent = Query.query(Criteria.where("_id")
			.is(orgId)
			.orOperator(Criteria.where(field + ".at").exists(false), Criteria.where(field + ".at").lt(at)));
		// A new record is of an active organisation, as one never heard of is.
		Update latest = Update.update(field, new OrganisationState.AddonState(installed, at))
			.setOnInsert("active", true)
			.setOnInsert("changedAt", Instant.EPOCH);
		Mono<Void> record = this.mongo.upsert(olderOrAbsent, latest, OrganisationState.class).then();
		// As for announcements: a record made meanwhile by another listener is found by
		// the next try.
		return record.onErrorResume(DuplicateKeyException.class,
				(ex) -> record.onErrorResume(DuplicateKeyException.class, (again) -> Mono.empty()));
	}

	/**
	 * Records an announcement of the organisation as it stands, unless a later one is
	 * recorded already: its addons stand for every addon not changed since.
	 * @param orgId the organisation
	 * @param addons the addons installed
	 * @param at when that was its state
	 * @return whether the answer for any addon changed (a record made now counts as a
	 * change: addons never heard of counted as installed before)
	 */
	Mono<Boolean> announced(String orgId, List<String> addons, Instant at) {
		Query olderOrAbsent = Query.query(Criteria.where("_id")
			.is(orgId)
			.orOperator(Criteria.where("announced.at").exists(false), Criteria.where("announced.at").lt(at)));
		OrganisationState.Announced announcement = new OrganisationState.Announced(addons, at);
		Update latest = Update.update("announced", announcement)
			.setOnInsert("active", true)
			.setOnInsert("changedAt", Instant.EPOCH);
		Mono<Boolean> record = this.mongo
			.findAndModify(olderOrAbsent, latest, FindAndModifyOptions.options().upsert(true).returnNew(false),
					OrganisationState.class)
			.map((before) -> {
				// The first announcement decides every addon never heard of, which
				// counted as installed until now.
				if (before.announced() == null) {
					return true;
				}
				OrganisationState after = new OrganisationState(before.id(), before.active(), before.changedAt(),
						before.addons(), announcement);
				Set<String> asked = before.addonsKnown();
				asked.addAll(addons);
				return asked.stream().anyMatch((addon) -> before.hasAddon(addon) != after.hasAddon(addon));
			})
			// No record before: made now.
			.defaultIfEmpty(true);
		// The upsert's insert collided: either another listener made the record at the
		// same moment (the next try finds it) or a newer announcement is recorded.
		return record.onErrorResume(DuplicateKeyException.class,
				(ex) -> record.onErrorResume(DuplicateKeyException.class, (again) -> Mono.just(false)));
	}

	/**
	 * Records a status change unless a later one is already recorded; applying the same
	 * change twice changes nothing.
	 * @param orgId the organisation
	 * @param active the new status
	 * @param changedAt when it changed
	 * @return completes when recorded or found stale
	 */
	Mono<Void> record(String orgId, boolean active, Instant changedAt) {
		Query olderOrAbsent = Query.query(Criteria.where("_id").is(orgId).and("changedAt").lt(changedAt));
		Update latest = Update.update("active", active).set("changedAt", changedAt);
		// Nothing older matched and the id exists: a newer change is recorded already.
		return this.mongo.upsert(olderOrAbsent, latest, OrganisationState.class)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

}
