package com.chatsuite.gateway.correlation;

import java.util.Random;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Request ids: a client's own id is kept when it is short and made of safe characters,
 * otherwise the gateway makes one.
 */
final class RequestIds {

	/** The request and response header. */
	static final String HEADER = "X-Request-Id";

	/** The longest client id kept. */
	static final int MAX_LENGTH = 64;

	private RequestIds() {
	}

	/**
	 * The id to use for a request.
	 * @param received the client's {@value #HEADER}, may be {@code null}
	 * @param random the source of new ids
	 * @return the client's id when sane, a new random UUID otherwise
	 */
	static String choose(@Nullable String received, Random random) {
		return isSane(received) ? received : newId(random);
	}

	/**
	 * Tells whether a client's id can be passed on and logged as it is.
	 * @param value the id, may be {@code null}
	 * @return {@code true} for 1 to 64 letters, digits, {@code - _ . :}
	 */
	static boolean isSane(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_' || c == '.' || c == ':';
			if (!safe) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A random (version 4) UUID. Ids only need to be unique, not secret, so a fast
	 * non-blocking generator is used rather than {@link UUID#randomUUID()}'s
	 * {@code SecureRandom}.
	 * @param random the source
	 * @return the UUID text
	 */
	static String newId(Random random) {
		long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
		long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

}
