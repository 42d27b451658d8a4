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
		BackOff backOff = OutageBackOff.forFailure(
				new ListenerExecutionFailedException("failed", new DataAccessResourceFailureException("store down")));
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
	void aTimedOutHandlingAndALostWriteAreOutagesToo() {
		IllegalStateException blockTimedOut = new IllegalStateException("Timeout on blocking read",
				new TimeoutException("30s"));
		assertThat(OutageBackOff.forFailure(new ListenerExecutionFailedException("failed", blockTimedOut))).isNotNull();
		assertThat(OutageBackOff.forFailure(new ListenerExecutionFailedException("failed", new ConcurrentChange())))
			.isNotNull();
	}

	@Test
	void anUnreachableServerTheDriverReportsItselfIsAnOutage() {
		assertThat(OutageBackOff.forFailure(new ListenerExecutionFailedException("failed",
				new MongoSocketReadException("connection closed", new ServerAddress()))))
			.isNotNull();
	}

	@Test
	void aRecordThatFailsByItselfKeepsTheDefault() {
		assertThat(OutageBackOff
			.forFailure(new ListenerExecutionFailedException("failed", new IllegalArgumentException("bad data"))))
			.isNull();
		BsonDocument refused = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(2))
			.append("errmsg", new BsonString("unknown operator"));
		assertThat(OutageBackOff.forFailure(new ListenerExecutionFailedException("failed",
				new MongoCommandException(refused, new ServerAddress()))))
			.isNull();
	}

}
