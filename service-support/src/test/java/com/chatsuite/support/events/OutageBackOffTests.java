package com.chatsuite.support.events;

import java.util.concurrent.TimeoutException;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer waits out an outage instead of dead-lettering its events, and gives up on a
 * record that fails by itself after the default attempts.
 */
class OutageBackOffTests {

	@Test
	void anUnreachableStoreIsRetriedWithoutEndAndAtMostEvery30Seconds() {
		BackOff backOff = OutageBackOff.forFailure(thrownByListener(new DataAccessResourceFailureException("down")));
		assertThat(backOff).isNotNull();
		BackOffExecution execution = backOff.start();
		long first = execution.nextBackOff();
		assertThat(first).isEqualTo(200);
		long last = first;
		for (int attempt = 0; attempt < 1000; attempt++) {
			last = execution.nextBackOff();
			assertThat(last).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(30_000);
		}
		assertThat(last).isEqualTo(30_000);
	}

	@Test
	void aTimedOutHandlingALostRaceAndAnUnreachableServerAreOutagesToo() {
		assertThat(OutageBackOff.forFailure(
				thrownByListener(new IllegalStateException("Timeout on blocking read", new TimeoutException("30s")))))
			.isNotNull();
		assertThat(OutageBackOff.forFailure(thrownByListener(new ConcurrentChange()))).isNotNull();
		assertThat(OutageBackOff.forFailure(thrownByListener(
				new IllegalStateException(new MongoSocketReadException("closed", new ServerAddress())))))
			.isNotNull();
	}

	@Test
	void whatTheStoreWouldRefuseAgainIsNoOutage() {
		assertThat(OutageBackOff.forFailure(thrownByListener(new IllegalArgumentException("bad data")))).isNull();
		BsonDocument refusal = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(2))
			.append("errmsg", new BsonString("unknown operator"));
		UncategorizedMongoDbException refused = new UncategorizedMongoDbException("refused",
				new MongoCommandException(refusal, new ServerAddress()));
		// A write error of unknown outcome is retried as a lost race in a request, but
		// the
		// store's refusal under it says it would fail again.
		assertThat(OutageBackOff.forFailure(thrownByListener(new ConcurrentChange(refused)))).isNull();
		assertThat(OutageBackOff.forFailure(thrownByListener(new DuplicateKeyException("taken")))).isNull();
	}

	@Test
	void aFailureIsMarkedAsAnOutageByAClassOfItsOwn() {
		DataAccessResourceFailureException down = new DataAccessResourceFailureException("down");
		assertThat(OutageBackOff.marked(down)).isInstanceOf(OutageBackOff.Outage.class).hasCause(down);
		IllegalArgumentException bad = new IllegalArgumentException("bad data");
		assertThat(OutageBackOff.marked(bad)).isSameAs(bad);
		// Unmarked, even an outage keeps the default: only what the listeners mark
		// counts.
		assertThat(OutageBackOff.forFailure(new ListenerExecutionFailedException("failed", down))).isNull();
	}

	private static ListenerExecutionFailedException thrownByListener(RuntimeException failure) {
		return new ListenerExecutionFailedException("failed", OutageBackOff.marked(failure));
	}

}
