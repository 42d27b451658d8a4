package com.chatsuite.support.events;

import java.util.concurrent.TimeoutException;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How long a consumer retries a record whose handling failed because a dependency is down
 * or slow (the store unreachable, a time-out, a write that lost to another): until it is
 * back, waiting longer each time, up to 30 s. The few quick attempts of the default are
 * for records that fail by themselves; spent on an outage, they would send the outage's
 * events to the dead-letter topic, where nothing reads them.
 */
public final class OutageBackOff {

	private static final long FIRST = 200;

	private static final long LONGEST = 30_000;

	private OutageBackOff() {
	}

	/**
	 * The back-off for a failure.
	 * @param failure what the listener threw
	 * @return retrying without end for an outage, {@code null} (the default) otherwise
	 */
	static @Nullable BackOff forFailure(Exception failure) {
		if (!isMarked(failure)) {
			return null;
		}
		ExponentialBackOff backOff = new ExponentialBackOff(FIRST, 2.0);
		backOff.setMaxInterval(LONGEST);
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		return backOff;
	}

	/**
	 * What a listener throws for a failed record: an {@link Outage} wrapping the failure
	 * when it is one, the failure itself otherwise. The wrapper's own class tells the
	 * error handler, which keeps a record's back-off while the class of its failures
	 * stays the same, that an outage began or ended.
	 * @param failure what the handling threw
	 * @return what to throw
	 */
	public static RuntimeException marked(RuntimeException failure) {
		return isOutage(failure) ? new Outage(failure) : failure;
	}

	private static boolean isMarked(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof Outage) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a failure, or one of its causes, says a dependency is down, slow or busy
	 * rather than that the record is wrong: an error the store would give again (a
	 * refused command, a duplicate key, an unknown write error) anywhere in the chain
	 * makes it not one.
	 * @param failure what was thrown
	 * @return whether it is an outage
	 */
	static boolean isOutage(Throwable failure) {
		boolean outage = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof NonTransientDataAccessException
					&& !(cause instanceof DataAccessResourceFailureException)) {
				return false;
			}
			outage |= cause instanceof TransientDataAccessException
					|| cause instanceof DataAccessResourceFailureException || cause instanceof TimeoutException
					|| isMongoOutage(cause);
			if (cause.getCause() == cause) {
				break;
			}
		}
		return outage;
	}

	/**
	 * A driver error that Spring did not translate and that says the server is out of
	 * reach or busy; a command the server refuses (a bug, bad data) is not one.
	 */
	private static boolean isMongoOutage(Throwable cause) {
		return cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
				|| (cause instanceof MongoException mongo
						&& (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
								|| mongo.hasErrorLabel("RetryableWriteError")));
	}

	/**
	 * A record's handling failed because a dependency is down or slow; retried until it
	 * is back.
	 */
	public static final class Outage extends RuntimeException {

		Outage(Throwable cause) {
			super("handling waits for a dependency: " + cause.getMessage(), cause);
		}

	}

}
