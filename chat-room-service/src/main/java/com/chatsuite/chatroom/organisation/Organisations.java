package com.chatsuite.chatroom.organisation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The organisation projection: records what auth-service announces and tells whether an
 * organisation may have chat rooms.
 */
@Component
public class Organisations {

	/** The addons that bring chat rooms with them. */
	static final List<String> CHAT_ADDONS = List.of("livechat", "seller_buyer_chat_system");

	private final ReactiveMongoTemplate mongo;

	Organisations(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Checks that an organisation may have chat rooms: it exists, is active and has
	 * installed {@code livechat} or {@code seller_buyer_chat_system}.
	 * @param orgId the organisation id
	 * @param field the request field that named it
	 * @return completes when it may; 404 when unknown, 403 naming the reason otherwise
	 */
	public Mono<Void> requireChatEnabled(String orgId, String field) {
		return this.mongo.findById(orgId, OrganisationProfile.class)
			.filter(OrganisationProfile::exists)
			.switchIfEmpty(
					Mono.error(() -> ApiException.notFound(field, "organisation '" + orgId + "' does not exist")))
			.flatMap((organisation) -> {
				if (!organisation.isActive()) {
					return Mono.error(ApiException.forbidden(field, "organisation '" + orgId + "' is disabled"));
				}
				if (CHAT_ADDONS.stream().noneMatch(organisation.addons()::contains)) {
					return Mono.error(ApiException.forbidden(field,
							"organisation '" + orgId + "' has not installed livechat or seller_buyer_chat_system"));
				}
				return Mono.empty();
			});
	}

	Mono<Void> created(String orgId, String organisationDomain, List<String> addons) {
		Update update = Update.update("organisationDomain", organisationDomain);
		if (!addons.isEmpty()) {
			update.addToSet("addons").each(addons.toArray());
		}
		return upsert(orgId, update);
	}

	/**
	 * Records an organisation as it stands, announced again by auth-service: its addons
	 * replace those known (announcements and addon changes come in order, on one
	 * partition per organisation).
	 */
	Mono<Boolean> announced(String orgId, String organisationDomain, List<String> addons) {
		Update update = Update.update("organisationDomain", organisationDomain).set("addons", addons);
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(orgId)), update,
					FindAndModifyOptions.options().upsert(true).returnNew(false), OrganisationProfile.class)
			.map((before) -> hasChat(before.addons()) && !hasChat(addons))
			.defaultIfEmpty(false);
	}

	private static boolean hasChat(Collection<String> addons) {
		return addons != null && CHAT_ADDONS.stream().anyMatch(addons::contains);
	}

	Mono<Void> addonInstalled(String orgId, String addon) {
		return upsert(orgId, new Update().addToSet("addons", addon));
	}

	Mono<Void> addonRemoved(String orgId, String addon) {
		return upsert(orgId, new Update().pull("addons", addon));
	}

	/**
	 * Records a status change unless a later one is recorded; the same change twice
	 * changes nothing.
	 */
	Mono<Void> statusChanged(String orgId, boolean active, Instant changedAt) {
		Query olderOrNone = Query.query(Criteria.where("_id")
			.is(orgId)
			.orOperator(Criteria.where("statusChangedAt").lt(changedAt),
					Criteria.where("statusChangedAt").exists(false)));
		return this.mongo
			.upsert(olderOrNone, Update.update("active", active).set("statusChangedAt", changedAt),
					OrganisationProfile.class)
			// A newer status is recorded: the upsert's insert collides with its id.
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	private Mono<Void> upsert(String orgId, Update update) {
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(orgId)), update, OrganisationProfile.class)
			.then();
	}

}
