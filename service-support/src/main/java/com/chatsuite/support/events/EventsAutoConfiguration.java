package com.chatsuite.support.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.chatsuite.contracts.events.EventFormatException;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.TopicSettings;
import com.chatsuite.contracts.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Event plumbing every application shares: the JSON form of events, the topics and their
 * dead-letter topics, and bounded retries followed by dead-lettering for every listener.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	EventJson eventJson() {
		return new EventJson();
	}

	@Bean
	@ConditionalOnBean(KafkaAdmin.class)
	KafkaAdmin.NewTopics suiteTopics(EventsProperties properties) {
		// Settings from the one declaration (TopicSettings): whichever service starts
		// first creates each topic as the Kubernetes KafkaTopic resources describe it.
		List<NewTopic> topics = new ArrayList<>();
		for (TopicSettings settings : TopicSettings.ALL) {
			topics.add(TopicBuilder.name(settings.name())
				.partitions(properties.partitions())
				.replicas(properties.replicas())
				.configs(settings.configs())
				.build());
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	@ConditionalOnBean(KafkaTemplate.class)
	DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<?, ?> template, EventsProperties properties,
			ObjectProvider<MeterRegistry> registry) {
		MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
		// Partition -1: the producer picks it from the key, so the dead-letter topic may
		// have
		// any number of partitions.
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, ex) -> {
			// chatsuite.inbox.dead.letters{topic}: the topics are the suite's fixed few.
			Counter.builder("chatsuite.inbox.dead.letters")
				.description("Records a consumer gave up on and sent to the dead-letter topic")
				.tag("topic", record.topic())
				.register(meters)
				.increment();
			return new TopicPartition(Topics.deadLetter(record.topic()), -1);
		});
		EventsProperties.Consumer consumer = properties.consumer();
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
				new FixedBackOff(consumer.backoff().toMillis(), consumer.attempts() - 1L));
		// A record that is not a valid event will never become one: no retries.
		handler.addNotRetryableExceptions(EventFormatException.class);
		// An outage (the store down or slow) is waited out: its events are not
		// dead-lettered after the quick attempts meant for records that fail by
		// themselves.
		handler.setBackOffFunction((record, failure) -> OutageBackOff.forFailure(failure));
		return handler;
	}

}
