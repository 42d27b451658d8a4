package com.chatsuite.support.observability;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * Gauges whose figures are read from the store in the background, every {@code refresh},
 * so that a scrape only reads the figures of the last refresh and never waits for the
 * store. A refresh that fails is logged at DEBUG and the gauges keep their last figures;
 * refreshes never overlap (a slow one makes the next ticks drop).
 */
public abstract class PeriodicGauges implements SmartLifecycle {

	private final Log logger = LogFactory.getLog(getClass());

	private final Duration refresh;

	private volatile Disposable running;

	protected PeriodicGauges(Duration refresh) {
		this.refresh = refresh;
	}

	/**
	 * Reads the figures now.
	 * @return completes once the gauges show them
	 */
	protected abstract Mono<Void> refresh();

	@Override
	public void start() {
		this.running = Flux.interval(Duration.ZERO, this.refresh, Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap((tick) -> refresh().onErrorResume((ex) -> {
				this.logger.debug("Could not refresh the gauges: " + ex);
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
			this.running = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

}
