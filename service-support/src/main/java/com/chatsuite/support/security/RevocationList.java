package com.chatsuite.support.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.OrganisationEnabled;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import reactor.core.publisher.Mono;

/**
 * Everything revoked, in memory, fed from {@code auth.revocations}: every replica reads
 * the whole (compacted) topic, so it holds the full list without asking anyone per
 * request. Entries whose tokens have all expired are forgotten.
 */
public class RevocationList {

	private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

	/**
	 * Subject (an operator, or an organisation) and addon to the moment the tokens issued
	 * for them were revoked: an operator deactivated in an addon, an addon removed from
	 * an organisation.
	 */
	private final Map<String, Deactivation> deactivatedSubjects = new ConcurrentHashMap<>();

	private final Map<String, Instant> disabledOrganisations = new ConcurrentHashMap<>();

	private final Clock clock;

	/**
	 * Done once the list holds every revocation made before it started; done from the
	 * start unless a reader of {@code auth.revocations} {@linkplain #expectCatchUp
	 * expects} to catch up.
	 */
	private volatile CompletableFuture<Void> caughtUp = CompletableFuture.completedFuture(null);

	public RevocationList(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Says that the list starts empty and is filled from the beginning of
	 * {@code auth.revocations}: until {@link #caughtUp()}, tokens are not checked against
	 * it (a token revoked before this process started would pass).
	 */
	public synchronized void expectCatchUp() {
		if (this.caughtUp.isDone()) {
			this.caughtUp = new CompletableFuture<>();
		}
	}

	/** Says that the list holds every revocation made before it started. */
	public void caughtUp() {
		this.caughtUp.complete(null);
	}

	/**
	 * Whether the list holds every revocation made before it started.
	 * @return whether tokens may be checked against it
	 */
	public boolean isCaughtUp() {
		return this.caughtUp.isDone();
	}

	/**
	 * Completes once the list holds every revocation made before it started.
	 * @return completes when caught up
	 */
	public Mono<Void> whenCaughtUp() {
		return isCaughtUp() ? Mono.empty() : Mono.fromFuture(this.caughtUp, true);
	}

	/**
	 * Applies one event of {@code auth.revocations}; applying it twice changes nothing.
	 * @param event the event
	 */
	public void apply(CloudEvent<?> event) {
		if (event.data() instanceof TokenRevoked revocation && revocation.scope() == RevocationScope.SUBJECT) {
			// Only tokens issued up to the revocation: an operator activated again, or an
			// addon installed again, gets new ones.
			this.deactivatedSubjects.merge(subjectKey(revocation.value(), revocation.addon()),
					new Deactivation(revocation.revokedAt(), revocation.notAfter(), revocation.reason()),
					(old, latest) -> old.revokedAt().isAfter(latest.revokedAt()) ? old : latest);
		}
		else if (event.data() instanceof TokenRevoked revocation) {
			this.revoked.put(key(revocation.scope(), revocation.value()), revocation.notAfter());
		}
		else if (event.data() instanceof OrganisationDisabled disabled) {
			this.disabledOrganisations.put(disabled.organisationId(), disabled.disabledAt());
		}
		else if (event.data() instanceof OrganisationEnabled enabled) {
			this.disabledOrganisations.computeIfPresent(enabled.organisationId(),
					(id, disabledAt) -> disabledAt.isAfter(enabled.enabledAt()) ? disabledAt : null);
		}
	}

	/**
	 * Tells whether a token is revoked, and why.
	 * @param token the verified claims
	 * @return the reason, empty when it is not revoked
	 */
	public Optional<String> reasonRevoked(TokenClaims token) {
		if (token.orgId() != null && this.disabledOrganisations.containsKey(token.orgId())) {
			return Optional.of("organisation disabled");
		}
		if (isRevoked(RevocationScope.TOKEN, token.tokenId())) {
			return Optional.of("token revoked");
		}
		if (isRevoked(RevocationScope.SESSION, token.sessionId())) {
			return Optional.of("session revoked");
		}
		if (token.kind() == TokenKind.API_KEY && isRevoked(RevocationScope.API_KEY, token.tokenId())) {
			return Optional.of("API key revoked");
		}
		// A subject revocation names an operator (its agent tokens) or an organisation
		// (every
		// token of it for that addon); both are ids of their own, so one cannot match the
		// other.
		if (this.deactivatedSubjects.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> deactivated = deactivation(token, token.subject());
		return deactivated.isPresent() ? deactivated : deactivation(token, token.orgId());
	}

	/** Drops entries whose tokens have expired anyway. */
	public void forgetExpired() {
		Instant now = this.clock.instant();
		this.revoked.values().removeIf((notAfter) -> notAfter.isBefore(now));
		this.deactivatedSubjects.values().removeIf((entry) -> entry.notAfter().isBefore(now));
	}

	private Optional<String> deactivation(TokenClaims token, String subject) {
		if (subject == null || token.addon() == null) {
			return Optional.empty();
		}
		Deactivation entry = this.deactivatedSubjects.get(subjectKey(subject, token.addon()));
		if (entry == null || (token.issuedAt() != null && token.issuedAt().isAfter(entry.revokedAt()))) {
			return Optional.empty();
		}
		return Optional.of(entry.reason());
	}

	private static String subjectKey(String subject, String addon) {
		return subject + "|" + addon;
	}

	/** How many revocations are held, for health details and tests. */
	public int size() {
		return this.revoked.size() + this.deactivatedSubjects.size() + this.disabledOrganisations.size();
	}

	private boolean isRevoked(RevocationScope scope, String value) {
		if (value == null) {
			return false;
		}
		Instant notAfter = this.revoked.get(key(scope, value));
		return notAfter != null && notAfter.isAfter(this.clock.instant());
	}

	private static String key(RevocationScope scope, String value) {
		return scope.name() + ":" + value;
	}

	private record Deactivation(Instant revokedAt, Instant notAfter, String reason) {
	}

}
