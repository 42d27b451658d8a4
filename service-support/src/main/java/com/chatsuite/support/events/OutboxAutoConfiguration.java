package com.chatsuite.support.events;

import java.time.Clock;
import java.util.List;

import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.support.observability.ObservabilityAutoConfiguration;
import com.chatsuite.support.observability.TraceParents;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The transactional outbox and the idempotent inbox for services that store their state
 * in MongoDB.
 */
@AutoConfiguration(
		after = { EventsAutoConfiguration.class, DataMongoReactiveAutoConfiguration.class,
				ObservabilityAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class OutboxAutoConfiguration {

	private static final Log logger = LogFactory.getLog(OutboxAutoConfiguration.class);

	@Bean
	OutboxEvents outboxEvents(EventsProperties properties, EventJson json, Clock clock, Environment environment,
			ObjectProvider<TraceParents> traces) {
		String source = properties.source().isBlank()
				? environment.getProperty("spring.application.name", "unknown-service") : properties.source();
		return new OutboxEvents(source, json, clock, traces.getIfAvailable(TraceParents::none));
	}

	@Bean
	@ConditionalOnBean(KafkaTemplate.class)
	OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka,
			MongoMappingContext mappingContext, EventsProperties properties, Clock clock) {
		List<String> collections = mappingContext.getPersistentEntities()
			.stream()
			.filter((entity) -> HasOutbox.class.isAssignableFrom(entity.getType()))
			.map(MongoPersistentEntity::getCollection)
			.distinct()
			.toList();
		return new OutboxRelay(mongo, kafka, collections, properties.outbox(), clock);
	}

	@Bean
	@ConditionalOnBean({ OutboxRelay.class, MeterRegistry.class })
	OutboxMetrics outboxMetrics(OutboxRelay relay, MeterRegistry registry, EventsProperties properties, Clock clock) {
		return new OutboxMetrics(relay, registry, clock, properties.outbox().metricsRefresh());
	}

	@Bean
	OutboxWrites outboxWrites(ReactiveMongoTemplate mongo, ObjectProvider<OutboxRelay> relay) {
		return new OutboxWrites(mongo, relay);
	}

	@Bean
	EventInbox eventInbox(ReactiveMongoTemplate mongo, EventJson json, EventsProperties properties, Clock clock) {
		return new EventInbox(mongo, json, properties.consumer(), clock);
	}

	@Bean
	SmartInitializingSingleton processedEventsExpiry(ReactiveMongoTemplate mongo, EventsProperties properties) {
		Index expiry = new Index("processedAt", Sort.Direction.ASC).expire(properties.consumer().dedupeRetention());
		return () -> mongo.indexOps(EventInbox.COLLECTION)
			.createIndex(expiry)
			.subscribe(null, (ex) -> logger.warn("Could not create the expiry index of processed events: " + ex));
	}

}
