package com.chatsuite.ticket.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.chatsuite.support.observability.PeriodicGauges;
import com.chatsuite.ticket.agent.Agents;
import com.chatsuite.ticket.ticket.Tickets;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The routing figures as gauges: {@code chatsuite.tickets.queued} (tickets waiting for an
 * agent) and {@code chatsuite.agents.online}. Both are counts over the whole store, the
 * same on every replica, read every {@code suite.tickets.metrics-refresh} in the
 * background; a scrape reads the last figures. They are totals, not per organisation:
 * organisation ids as a tag would make one series per tenant, without bound (the queue of
 * one organisation is its tickets' {@code queuedAt}, in the store).
 */
@Component
class DomainGauges extends PeriodicGauges {

	private final Tickets tickets;

	private final Agents agents;

	private final AtomicLong queued = new AtomicLong();

	private final AtomicLong online = new AtomicLong();

	DomainGauges(Tickets tickets, Agents agents, MeterRegistry registry,
			@Value("${suite.tickets.metrics-refresh:15s}") Duration refresh) {
		super(refresh);
		this.tickets = tickets;
		this.agents = agents;
		Gauge.builder("chatsuite.tickets.queued", this.queued, AtomicLong::get)
			.description("Tickets waiting in a queue for an agent, all organisations")
			.register(registry);
		Gauge.builder("chatsuite.agents.online", this.online, AtomicLong::get)
			.description("Agents online, all organisations")
			.register(registry);
	}

	/**
	 * Reads both figures now.
	 * @return completes once the gauges show them
	 */
	@Override
	protected Mono<Void> refresh() {
		return this.tickets.countWaiting()
			.doOnNext(this.queued::set)
			.then(this.agents.countOnline().doOnNext(this.online::set))
			.then();
	}

}
