package com.chatsuite.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

import com.chatsuite.auth.AuthProperties;
import com.chatsuite.support.web.ApiException;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Refuses logins for an account after repeated failures, for a while. Kept in MongoDB so
 * every replica sees the same count.
 */
@Component
public class LoginThrottle {

	private static final String COLLECTION = "login_failures";

	private final ReactiveMongoTemplate mongo;

	private final AuthProperties.Login properties;

	private final Clock clock;

	LoginThrottle(ReactiveMongoTemplate mongo, AuthProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties.login();
		this.clock = clock;
	}

	/**
	 * Fails with a 429 {@link ApiException} while the account is locked out.
	 * @param account the account key (for example sub domain and email)
	 * @return completes when an attempt may be made
	 */
	public Mono<Void> check(String account) {
		Instant now = this.clock.instant();
		return this.mongo.findById(key(account), Document.class, COLLECTION).flatMap((state) -> {
			Date lockedUntil = state.getDate("lockedUntil");
			if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
				long seconds = Math.max(1, Duration.between(now, lockedUntil.toInstant()).toSeconds());
				return Mono.error(ApiException.tooManyRequests(
						"too many failed attempts for this account; try again in " + seconds + " s", seconds));
			}
			return Mono.empty();
		}).then();
	}

	/** Counts a failed attempt; the one that reaches the limit locks the account. */
	public Mono<Void> failed(String account) {
		Instant now = this.clock.instant();
		Date windowStart = Date.from(now.minus(this.properties.window()));
		return count(account, now, windowStart)
			.flatMap((state) -> (state.getInteger("failures", 0) >= this.properties.maxFailures()) ? lock(account, now)
					: Mono.empty())
			.then();
	}

	/** Forgets the failures of an account after a successful login. */
	public Mono<Void> succeeded(String account) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(key(account))), COLLECTION).then();
	}

	/**
	 * Counts a failure in the current window, or starts a new one. Each step is one
	 * atomic write, so failures at once are all counted: a new window is an upsert
	 * conditional on the old one having ended, and of two at once the second finds the
	 * first's window and counts in it.
	 */
	private Mono<Document> count(String account, Instant now, Date windowStart) {
		Query current = Query.query(Criteria.where("_id").is(key(account)).and("since").gte(windowStart));
		Mono<Document> inCurrent = Mono.defer(() -> this.mongo.findAndModify(current, new Update().inc("failures", 1),
				FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION));
		Query ended = Query.query(Criteria.where("_id").is(key(account)).and("since").lt(windowStart));
		Mono<Document> newWindow = Mono
			.defer(() -> this.mongo.findAndModify(ended, new Update().set("failures", 1).set("since", Date.from(now)),
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION));
		return inCurrent.switchIfEmpty(newWindow).onErrorResume(DuplicateKeyException.class, (ex) -> inCurrent);
	}

	private Mono<Document> lock(String account, Instant now) {
		Update lock = new Update().set("lockedUntil", Date.from(now.plus(this.properties.lockout())))
			.set("failures", 0)
			.set("since", Date.from(now));
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(key(account))), lock, Document.class,
				COLLECTION);
	}

	private static String key(String account) {
		return account.toLowerCase(Locale.ROOT);
	}

}
