package com.chatsuite.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.chatsuite.auth.AuthProperties;
import com.chatsuite.auth.organisation.Organisation;
import com.chatsuite.auth.organisation.OrganisationService;
import com.chatsuite.support.security.Passwords;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.security.TokenClaims;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.TokenRejectedException;
import com.chatsuite.support.security.TokenVerifier;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The three access-token operations of the addon admin API: log in, validate a token
 * pair, and exchange a pair for a new one (refresh token rotation with reuse detection).
 */
@Service
public class AccessTokenService {

	private static final String INVALID_PAIR = "access_token and refresh_token are not a valid pair";

	private final OrganisationService organisations;

	private final Passwords passwords;

	private final LoginThrottle throttle;

	private final TokenIssuer issuer;

	private final TokenVerifier verifier;

	private final ReactiveMongoTemplate mongo;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final AuthProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	AccessTokenService(OrganisationService organisations, Passwords passwords, LoginThrottle throttle,
			TokenIssuer issuer, TokenVerifier verifier, ReactiveMongoTemplate mongo, OutboxWrites writes,
			OutboxEvents events, AuthProperties properties, Clock clock) {
		this.organisations = organisations;
		this.passwords = passwords;
		this.throttle = throttle;
		this.issuer = issuer;
		this.verifier = verifier;
		this.mongo = mongo;
		this.writes = writes;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Logs an organisation in for one addon and starts a session.
	 * @return the token pair; 401 for wrong credentials (the same for an unknown
	 * account), 403 for a disabled organisation, 404 for an addon not installed, 429 when
	 * throttled
	 */
	public Mono<TokenPair> login(String email, String password, String domain, String addon) {
		// Emails are told apart as lower-cased by the root locale, for the lock-out and
		// the
		// match alike: equalsIgnoreCase also takes look-alikes ("ſ" for "s"), each of
		// which would have had a lock-out of its own.
		String typed = email.toLowerCase(Locale.ROOT);
		String account = domain + "|" + typed;
		this.organisations.knownAddon(addon, "addon_unique_name");
		return this.throttle.check(account)
			.then(this.organisations.findByDomain(domain)
				.map(java.util.Optional::of)
				.defaultIfEmpty(java.util.Optional.empty()))
			.flatMap((found) -> {
				Organisation organisation = found.filter((org) -> org.email().toLowerCase(Locale.ROOT).equals(typed))
					.orElse(null);
				return this.passwords.matches(password, (organisation != null) ? organisation.passwordHash() : null)
					.flatMap((matches) -> matches ? this.throttle.succeeded(account).thenReturn(organisation)
							: this.throttle.failed(account)
								.then(Mono.error(ApiException.unauthorized("password", "email or password is wrong"))));
			})
			.flatMap((organisation) -> checkUsable(organisation, addon))
			.flatMap((organisation) -> startSession(organisation, addon));
	}

	/**
	 * Confirms that an access token and a refresh token belong together, are current and
	 * unrevoked, and are for the addon named.
	 */
	public Mono<TokenPair> validate(String accessToken, String refreshToken, String addon) {
		this.organisations.knownAddon(addon, "addon_unique_name");
		return this.verifier.verify(accessToken, Set.of(TokenKind.ADDON))
			.onErrorMap(TokenRejectedException.class, (ex) -> Callers.rejection(ex, "access_token"))
			.flatMap((claims) -> {
				if (!addon.equals(claims.addon())) {
					return Mono.error(ApiException.unauthorized("addon_unique_name",
							"the tokens are not for addon '" + addon + "'"));
				}
				return findRefresh(refreshToken)
					.filter((refresh) -> matches(refresh, claims) && refresh.usedAt() == null
							&& refresh.expiresAt().isAfter(this.clock.instant()))
					.switchIfEmpty(Mono.error(() -> ApiException.unauthorized("refresh_token", INVALID_PAIR)))
					.flatMap((refresh) -> activeSession(refresh.sessionId()))
					.flatMap((session) -> this.organisations.find(session.orgId()))
					.flatMap((organisation) -> checkUsable(organisation, addon))
					.map((organisation) -> new TokenPair(accessToken, refreshToken, remaining(claims.expiresAt()),
							organisation.organisationDomain()));
			});
	}

	/**
	 * Exchanges a pair (the access token may have expired) for a new one in the same
	 * session. A refresh token presented a second time revokes its whole session; one
	 * whose exchange failed (the new pair could not be made) stays usable for a retry.
	 */
	public Mono<TokenPair> regenerate(String accessToken, String refreshToken) {
		return this.verifier.verifyAllowingExpiry(accessToken, Set.of(TokenKind.ADDON))
			.onErrorMap(TokenRejectedException.class, (ex) -> Callers.rejection(ex, "access_token"))
			.flatMap((claims) -> findRefresh(refreshToken).filter((refresh) -> matches(refresh, claims))
				.switchIfEmpty(Mono.error(() -> ApiException.unauthorized("refresh_token", INVALID_PAIR)))
				.flatMap(this::rotate));
	}

	private Mono<TokenPair> rotate(RefreshToken refresh) {
		if (refresh.usedAt() != null) {
			return reused(refresh);
		}
		if (refresh.expiresAt().isBefore(this.clock.instant())) {
			return Mono.error(ApiException.unauthorized("refresh_token", "refresh_token has expired"));
		}
		// The presented token is spent only once its successor is stored: when signing or
		// storing fails, the client's retry is not taken for reuse.
		return activeSession(refresh.sessionId())
			.flatMap((session) -> this.organisations.find(session.orgId())
				.flatMap((organisation) -> checkUsable(organisation, session.addon()))
				.flatMap((organisation) -> issuePair(organisation, session)))
			.flatMap((pair) -> spend(refresh).thenReturn(pair));
	}

	/** Marks a refresh token used, unless another request did it first (a reuse). */
	private Mono<RefreshToken> spend(RefreshToken refresh) {
		Query unused = Query.query(Criteria.where("_id").is(refresh.hash()).and("usedAt").is(null));
		return this.mongo
			.findAndModify(unused, Update.update("usedAt", this.clock.instant()),
					FindAndModifyOptions.options().returnNew(true), RefreshToken.class)
			.switchIfEmpty(Mono.defer(() -> reused(refresh)));
	}

	private <T> Mono<T> reused(RefreshToken refresh) {
		return revokeSession(refresh.sessionId(), "refresh token reused").then(Mono.error(ApiException
			.unauthorized("refresh_token", "refresh_token was already used; the whole session is revoked")));
	}

	private Mono<Void> revokeSession(String sessionId, String reason) {
		Instant now = this.clock.instant();
		return this.mongo.findById(sessionId, Session.class)
			.filter((session) -> !session.isRevoked())
			.flatMap((session) -> {
				TokenRevoked data = new TokenRevoked(RevocationScope.SESSION, session.id(), session.addon(), reason,
						now, now.plus(this.properties.accessTokenTtl()).plus(Duration.ofMinutes(5)));
				return this.writes.updateIf(Session.class, stillActive(session.id()), Update.update("revokedAt", now),
						this.events.of("session:" + session.id(), session.orgId(), data));
			})
			.then();
	}

	private static Criteria stillActive(String sessionId) {
		return Criteria.where("_id").is(sessionId).and("revokedAt").is(null);
	}

	private Mono<Session> activeSession(String sessionId) {
		return this.mongo.findById(sessionId, Session.class)
			.filter((session) -> !session.isRevoked())
			.switchIfEmpty(
					Mono.error(() -> ApiException.unauthorized("refresh_token", "the session has been revoked")));
	}

	private Mono<Organisation> checkUsable(Organisation organisation, String addon) {
		if (!organisation.isActive()) {
			return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "the organisation is disabled", null));
		}
		if (!organisation.hasAddon(addon)) {
			return Mono.error(ApiException.notFound("addon_unique_name",
					"addon '" + addon + "' is not installed for this organisation"));
		}
		return Mono.just(organisation);
	}

	private Mono<TokenPair> startSession(Organisation organisation, String addon) {
		Session session = new Session(UUID.randomUUID().toString(), organisation.id(), addon, this.clock.instant(),
				null, null);
		return this.mongo.insert(session).flatMap((saved) -> issuePair(organisation, saved));
	}

	private Mono<TokenPair> issuePair(Organisation organisation, Session session) {
		String tokenId = UUID.randomUUID().toString();
		TokenClaims claims = new TokenClaims(TokenKind.ADDON, organisation.id(), tokenId, organisation.id(),
				organisation.organisationDomain(), session.addon(), session.id(), List.of(), null, null, null);
		String refreshToken = newRefreshToken();
		Instant now = this.clock.instant();
		RefreshToken refresh = new RefreshToken(hash(refreshToken), session.id(), tokenId, now,
				now.plus(this.properties.refreshTokenTtl()), null);
		return this.issuer.issue(claims, this.properties.accessTokenTtl())
			.flatMap((access) -> this.mongo.insert(refresh)
				.thenReturn(new TokenPair(access.value(), refreshToken, this.properties.accessTokenTtl().toSeconds(),
						organisation.organisationDomain())));
	}

	private Mono<RefreshToken> findRefresh(String refreshToken) {
		return this.mongo.findById(hash(refreshToken), RefreshToken.class);
	}

	private static boolean matches(RefreshToken refresh, TokenClaims claims) {
		return refresh.accessTokenId().equals(claims.tokenId()) && refresh.sessionId().equals(claims.sessionId());
	}

	private long remaining(Instant expiresAt) {
		return Math.max(0, Duration.between(this.clock.instant(), expiresAt).toSeconds());
	}

	private String newRefreshToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
