package com.chatsuite.gateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.chatsuite.gateway.limits.LimitsProperties.RateLimit;
import com.chatsuite.gateway.routing.EndpointPattern;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimiterTests {

	private final AtomicLong nanos = new AtomicLong();

	private final TimeMeter time = new TimeMeter() {

		@Override
		public long currentTimeNanos() {
			return ClientRateLimiterTests.this.nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	};

	private final ClientRateLimiter limiter = new ClientRateLimiter(
			new RateLimit(List.of(EndpointPattern.of("/x")), 20, Duration.ofSeconds(10), false), 1000, this.time);

	@Test
	void allowsCapacityThenTellsHowLongToWait() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.limiter.tryAcquire("1.2.3.4")).isZero();
		}
		assertThat(this.limiter.tryAcquire("1.2.3.4")).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void refillsGraduallyOverThePeriod() {
		for (int i = 0; i < 20; i++) {
			this.limiter.tryAcquire("1.2.3.4");
		}
		advance(Duration.ofMillis(500));
		assertThat(this.limiter.tryAcquire("1.2.3.4")).isZero();
		assertThat(this.limiter.tryAcquire("1.2.3.4")).isPositive();
		advance(Duration.ofSeconds(10));
		for (int i = 0; i < 20; i++) {
			assertThat(this.limiter.tryAcquire("1.2.3.4")).isZero();
		}
	}

	@Test
	void eachClientHasItsOwnBucket() {
		for (int i = 0; i < 20; i++) {
			this.limiter.tryAcquire("1.2.3.4");
		}
		assertThat(this.limiter.tryAcquire("1.2.3.4")).isPositive();
		assertThat(this.limiter.tryAcquire("5.6.7.8")).isZero();
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
