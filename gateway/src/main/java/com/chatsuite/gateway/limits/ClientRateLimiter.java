package com.chatsuite.gateway.limits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import com.chatsuite.gateway.limits.LimitsProperties.RateLimit;

/**
 * One rate limit: a Bucket4j token bucket per client address, kept in a bounded Caffeine
 * cache. A bucket left alone for a whole period is full again, so forgetting it then
 * loses nothing.
 */
class ClientRateLimiter {

	private final Bandwidth bandwidth;

	private final TimeMeter time;

	private final Cache<String, Bucket> buckets;

	ClientRateLimiter(RateLimit limit, long maxClients, TimeMeter time) {
		this.bandwidth = Bandwidth.builder()
			.capacity(limit.capacity())
			.refillGreedy(limit.capacity(), limit.period())
			.build();
		this.time = time;
		this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(limit.period()).build();
	}

	/**
	 * Takes one request from a client's bucket.
	 * @param client the client address
	 * @return {@link Duration#ZERO} when allowed, otherwise how long until the next
	 * request will be
	 */
	Duration tryAcquire(String client) {
		ConsumptionProbe probe = this.buckets.get(client, this::newBucket).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private Bucket newBucket(String client) {
		return Bucket.builder().addLimit(this.bandwidth).withCustomTimePrecision(this.time).build();
	}

}
