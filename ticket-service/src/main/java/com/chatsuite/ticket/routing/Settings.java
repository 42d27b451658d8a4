package com.chatsuite.ticket.routing;

import com.chatsuite.ticket.TicketsProperties;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Organisations' routing settings, with the configured defaults for those that set none.
 */
@Component
public class Settings {

	private final ReactiveMongoTemplate mongo;

	private final TicketsProperties properties;

	Settings(ReactiveMongoTemplate mongo, TicketsProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	/**
	 * An organisation's settings.
	 * @param orgId the organisation
	 * @return its settings, the defaults when it set none
	 */
	public Mono<RoutingSettings> of(String orgId) {
		return this.mongo.findById(orgId, RoutingSettings.class).defaultIfEmpty(defaults(orgId));
	}

	Mono<RoutingSettings> save(RoutingSettings settings) {
		return this.mongo.save(settings);
	}

	private RoutingSettings defaults(String orgId) {
		return new RoutingSettings(orgId, this.properties.capacity(), this.properties.autoCloseWarning().toSeconds(),
				this.properties.autoClose().toSeconds(), null);
	}

}
