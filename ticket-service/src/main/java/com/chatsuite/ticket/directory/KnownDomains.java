package com.chatsuite.ticket.directory;

import java.util.Locale;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The domains projection.
 */
@Component
public class KnownDomains {

	private final ReactiveMongoTemplate mongo;

	KnownDomains(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	Mono<Void> record(KnownDomain domain) {
		return this.mongo.save(domain).then();
	}

	/**
	 * The domains of an organisation with a name, in any addon.
	 * @param orgId the organisation
	 * @param name the name, any case
	 * @return the domains
	 */
	public Flux<KnownDomain> named(String orgId, String name) {
		return this.mongo.find(
				Query.query(Criteria.where("orgId").is(orgId).and("name").is(name.toLowerCase(Locale.ROOT))),
				KnownDomain.class);
	}

}
