package com.chatsuite.chatroom.channel;

import java.util.Locale;

import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The channels projection: which organisation registered the website a visitor opens a
 * chat from.
 */
@Component
public class Channels {

	private final ReactiveMongoTemplate mongo;

	Channels(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * The organisation that registered a website, for open chats that name no
	 * organisation.
	 * @param productName the website's domain name, as the room's {@code product_name}
	 * @return the organisation id; 404 when no organisation registered it (or it is
	 * switched off), 409 when several did
	 */
	public Mono<String> organisationOf(String productName) {
		String name = productName.toLowerCase(Locale.ROOT);
		Query active = Query.query(Criteria.where("name").is(name).and("active").is(true));
		return this.mongo.findDistinct(active, "orgId", Channel.class, String.class)
			.take(2)
			.collectList()
			.flatMap((orgs) -> {
				if (orgs.isEmpty()) {
					return Mono.error(ApiException.notFound("product_name",
							"product_name '" + productName + "' is not a website registered for chat"));
				}
				if (orgs.size() > 1) {
					return Mono.error(ApiException.conflict("product_name", "product_name '" + productName
							+ "' is registered by more than one organisation; open the room with room-control and org_id"));
				}
				return Mono.just(orgs.get(0));
			});
	}

	Mono<Void> record(String domainId, String orgId, String name, String addon, boolean active) {
		Update update = Update.update("orgId", orgId)
			.set("name", name.toLowerCase(Locale.ROOT))
			.set("addon", addon)
			.set("active", active);
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(domainId)), update, Channel.class).then();
	}

}
