package com.chatsuite.support.security;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code revocations}, in the readiness group: out of service until the revocation list
 * has read every revocation made before the process started, so that no traffic reaches a
 * replica that would still accept a revoked token. Once caught up it stays up, also while
 * Kafka is away (the list keeps what it read).
 */
public class RevocationsHealthIndicator implements HealthIndicator {

	private final RevocationList revocations;

	public RevocationsHealthIndicator(RevocationList revocations) {
		this.revocations = revocations;
	}

	@Override
	public Health health() {
		if (this.revocations.isCaughtUp()) {
			return Health.up().build();
		}
		return Health.outOfService().withDetail("reason", "auth.revocations is still being read").build();
	}

}
