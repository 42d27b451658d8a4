package com.chatsuite.ticket.schedule;

import java.util.List;

import com.chatsuite.ticket.TicketsProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link Chore} at the configured interval, one round at a time. A failing
 * chore is logged and tried again next round.
 */
@Component
class Housekeeping implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(Housekeeping.class);

	private final List<Chore> chores;

	private final TicketsProperties properties;

	private volatile Disposable loop;

	Housekeeping(List<Chore> chores, TicketsProperties properties) {
		this.chores = List.copyOf(chores);
		this.properties = properties;
	}

	/**
	 * One round of every chore.
	 * @return completes when every chore finished its round
	 */
	Mono<Void> round() {
		return Flux.fromIterable(this.chores).concatMap((chore) -> chore.run().onErrorResume((ex) -> {
			logger.warn("Housekeeping " + chore.getClass().getSimpleName() + " failed; tried again next round: " + ex);
			return Mono.empty();
		}), 1).then();
	}

	@Override
	public void start() {
		this.loop = Flux.interval(this.properties.housekeepingInterval(), Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap((tick) -> round(), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.loop;
		if (current != null) {
			current.dispose();
			this.loop = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.loop != null;
	}

}
