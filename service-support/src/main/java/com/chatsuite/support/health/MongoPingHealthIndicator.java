package com.chatsuite.support.health;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Reports MongoDB UP when the service's own database answers {@code ping}. Replaces
 * Spring Boot's indicator, whose {@code hello} command the embedded MongoDB-compatible
 * store does not implement; {@code ping} works against it and against every MongoDB
 * server alike.
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

	private final ReactiveMongoTemplate mongo;

	public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.mongo.getMongoDatabase()
			.flatMap((database) -> Mono.from(database.runCommand(new Document("ping", 1)))
				.thenReturn(builder.up().withDetail("database", database.getName()).build()));
	}

}
