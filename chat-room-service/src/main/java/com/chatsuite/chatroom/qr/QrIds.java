package com.chatsuite.chatroom.qr;

import java.security.SecureRandom;
import java.time.Clock;

import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Creates and finds QR ids.
 */
@Component
public class QrIds {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final int LENGTH = 12;

	private static final SecureRandom random = new SecureRandom();

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	QrIds(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Creates new QR ids for an organisation.
	 * @param orgId the organisation
	 * @param count how many
	 * @return the new ids
	 */
	Flux<String> create(String orgId, int count) {
		return Flux.range(0, count).concatMap((n) -> createOne(orgId));
	}

	private Mono<String> createOne(String orgId) {
		// 62^12 ids: a collision is all but impossible, and the unique id catches it.
		return Mono.defer(() -> this.mongo.insert(new QrId(newId(), orgId, this.clock.instant())))
			.retryWhen(Retry.max(5).filter(DuplicateKeyException.class::isInstance))
			.map(QrId::id);
	}

	/**
	 * An organisation's QR ids, oldest first.
	 * @param orgId the organisation
	 * @return the ids
	 */
	Flux<String> of(String orgId) {
		return this.mongo
			.find(Query.query(Criteria.where("orgId").is(orgId)).with(Sort.by("createdAt", "id")), QrId.class)
			.map(QrId::id);
	}

	/**
	 * Checks that a QR id is one of the organisation's.
	 * @param orgId the organisation
	 * @param qrId the QR id
	 * @return completes when it is; 404 otherwise
	 */
	public Mono<Void> requireOwned(String orgId, String qrId) {
		return this.mongo.findById(qrId, QrId.class)
			.filter((qr) -> qr.orgId().equals(orgId))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("qr_id",
					"QR id '" + qrId + "' is not one of organisation '" + orgId + "'")))
			.then();
	}

	private static String newId() {
		StringBuilder id = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
