package com.chatsuite.support.events;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service publishes and consumes events.
 *
 * @param source the CloudEvents {@code source} of the events this service publishes;
 * {@code spring.application.name} when empty
 * @param partitions partitions of each topic this service declares
 * @param replicas replication factor of each topic this service declares
 * @param outbox how stored events are relayed to Kafka
 * @param consumer how received events are retried and dead-lettered
 */
@Validated
@ConfigurationProperties("suite.events")
public record EventsProperties(@DefaultValue("") String source, @DefaultValue("3") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicas, @DefaultValue @NotNull Outbox outbox,
		@DefaultValue @NotNull Consumer consumer) {

	/**
	 * The outbox relay.
	 *
	 * @param pollInterval how often the relay works through the documents marked as
	 * having events it could not hand over (Kafka down, or older events of the same
	 * document waiting)
	 * @param sendTimeout how long one send may wait for the broker's acknowledgement
	 * @param lease how long one replica holds a document's events before another may take
	 * them over
	 * @param batchSize documents relayed per round at most
	 * @param sweepInterval how often every outbox collection is searched for events that
	 * have waited longer than {@code sendTimeout} without being handed over (a replica
	 * that stopped between its write and the hand-over)
	 * @param metricsRefresh how often the backlog gauges ({@code chatsuite.outbox.*}) are
	 * read from the store; a scrape reads the last figures
	 */
	public record Outbox(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("35s") Duration sendTimeout,
			@DefaultValue("60s") Duration lease, @DefaultValue("100") @Min(1) int batchSize,
			@DefaultValue("5m") Duration sweepInterval, @DefaultValue("15s") Duration metricsRefresh) {
	}

	/**
	 * The event inbox.
	 *
	 * @param attempts deliveries of one record before it goes to the dead-letter topic
	 * @param backoff pause between two deliveries of the same record
	 * @param handlerTimeout how long one event's handling may take
	 * @param dedupeRetention how long processed event ids are remembered
	 */
	public record Consumer(@DefaultValue("3") @Min(1) int attempts, @DefaultValue("200ms") Duration backoff,
			@DefaultValue("30s") Duration handlerTimeout, @DefaultValue("7d") Duration dedupeRetention) {
	}

}
