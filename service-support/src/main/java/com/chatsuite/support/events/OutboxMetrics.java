package com.chatsuite.support.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.chatsuite.support.observability.PeriodicGauges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The outbox backlog as gauges: {@code chatsuite.outbox.backlog} (events waiting) and
 * {@code chatsuite.outbox.oldest.age} (seconds the oldest has waited). A scrape reads the
 * figures of the last refresh, never the store: the relay's markers are read every
 * {@code refresh} in the background, by id only (see {@link OutboxRelay#backlog}).
 */
public class OutboxMetrics extends PeriodicGauges {

	/** Marked documents read per refresh at most. */
	static final int MARKER_LIMIT = 10_000;

	private final OutboxRelay relay;

	private final Clock clock;

	private volatile OutboxRelay.Backlog last = OutboxRelay.Backlog.EMPTY;

	public OutboxMetrics(OutboxRelay relay, MeterRegistry registry, Clock clock, Duration refresh) {
		super(refresh);
		this.relay = relay;
		this.clock = clock;
		Gauge.builder("chatsuite.outbox.backlog", this, (metrics) -> metrics.last.events())
			.description("Events stored in an outbox and not yet acknowledged by Kafka")
			.register(registry);
		Gauge.builder("chatsuite.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
			.description("How long the oldest event waiting in an outbox has waited")
			.baseUnit("seconds")
			.register(registry);
	}

	private double oldestAgeSeconds() {
		Instant oldest = this.last.oldest();
		if (oldest == null) {
			return 0;
		}
		return Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0);
	}

	/**
	 * Reads the backlog now.
	 * @return completes once the gauges show it
	 */
	@Override
	protected Mono<Void> refresh() {
		return this.relay.backlog(MARKER_LIMIT).doOnNext((backlog) -> this.last = backlog).then();
	}

}
