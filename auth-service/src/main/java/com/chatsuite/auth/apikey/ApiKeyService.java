package com.chatsuite.auth.apikey;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import com.chatsuite.auth.token.TokenIssuer;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.security.TokenClaims;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Partner API keys: created by a partner organisation with a name and permissions, listed
 * without secrets, revoked (and refused at the gateway within a second).
 */
@Service
class ApiKeyService {

	static final String PARTNER_ADDON = "partner";

	/** Revocations of keys that never expire are remembered this long. */
	private static final long FOREVER_YEARS = 100;

	private final ApiKeyRepository keys;

	private final TokenIssuer issuer;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final Clock clock;

	ApiKeyService(ApiKeyRepository keys, TokenIssuer issuer, OutboxWrites writes, OutboxEvents events, Clock clock) {
		this.keys = keys;
		this.issuer = issuer;
		this.writes = writes;
		this.events = events;
		this.clock = clock;
	}

	Mono<CreatedKey> create(TokenClaims caller, String name, List<String> permissions) {
		requirePartner(caller);
		if (name.length() > 100) {
			return Mono.error(ApiException.badRequest("name", "name must have at most 100 characters"));
		}
		for (String permission : permissions) {
			if (PartnerPermission.of(permission).isEmpty()) {
				return Mono.error(ApiException.badRequest("permissions", "permission '" + permission
						+ "' does not exist; the permissions are " + String.join(", ", PartnerPermission.names())));
			}
		}
		List<String> distinct = List.copyOf(new LinkedHashSet<>(permissions));
		String id = UUID.randomUUID().toString();
		TokenClaims claims = new TokenClaims(TokenKind.API_KEY, id, id, caller.orgId(), caller.orgDomain(),
				PARTNER_ADDON, null, distinct, null, null, null);
		return this.issuer.issue(claims, null)
			.flatMap((token) -> this.keys
				.save(new ApiKey(id, caller.orgId(), name, distinct, token.kid(), this.clock.instant(), null, null))
				.map((saved) -> new CreatedKey(saved, token.value())));
	}

	Flux<ApiKey> list(TokenClaims caller) {
		requirePartner(caller);
		return this.keys.findByOrgIdOrderByCreatedAt(caller.orgId());
	}

	Mono<ApiKey> revoke(TokenClaims caller, String id) {
		requirePartner(caller);
		return this.keys.findByIdAndOrgId(id, caller.orgId())
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("id", "API key '" + id + "' does not exist")))
			.flatMap((key) -> {
				if (!key.isActive()) {
					return Mono.just(key);
				}
				Instant now = this.clock.instant();
				TokenRevoked data = new TokenRevoked(RevocationScope.API_KEY, key.id(), PARTNER_ADDON,
						"API key revoked", now, now.plus(FOREVER_YEARS * 365, ChronoUnit.DAYS));
				Criteria stillActive = Criteria.where("_id").is(key.id()).and("revokedAt").is(null);
				// Revoked by another request meanwhile: answer the key as it is now.
				return this.writes
					.updateIf(ApiKey.class, stillActive, Update.update("revokedAt", now),
							this.events.of("api_key:" + key.id(), key.orgId(), data))
					.switchIfEmpty(Mono.defer(() -> this.keys.findById(key.id())));
			});
	}

	private static void requirePartner(TokenClaims caller) {
		if (!PARTNER_ADDON.equals(caller.addon())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "API keys are managed with an access token of addon 'partner'",
					"access_token");
		}
	}

	/**
	 * A key just created, with its secret.
	 *
	 * @param key the stored key
	 * @param secret the API key itself, shown only now
	 */
	record CreatedKey(ApiKey key, String secret) {
	}

}
