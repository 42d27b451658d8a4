package com.chatsuite.gateway.correlation;

import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * A W3C Trace Context {@code traceparent} header, version {@code 00}:
 * {@code 00-<trace-id>-<parent-id>-<trace-flags>}.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param parentId 16 lower-case hex digits, not all zero: the span of the sender
 * @param flags the trace flags, bit 0 meaning sampled
 */
record TraceParent(String traceId, String parentId, int flags) {

	/** The request header. */
	static final String HEADER = "traceparent";

	/** The vendor-specific companion header, passed through with a valid parent. */
	static final String STATE_HEADER = "tracestate";

	private static final int VERSION_00_LENGTH = 55;

	private static final int SAMPLED = 0x01;

	/**
	 * Parses a received header (W3C Trace Context, section 3.2), accepting later versions
	 * by their version 00 prefix.
	 * @param header the header value, may be {@code null}
	 * @return the trace parent, {@code null} when absent or invalid
	 */
	static @Nullable TraceParent parse(@Nullable String header) {
		if (header == null) {
			return null;
		}
		String value = header.trim();
		if (value.length() < VERSION_00_LENGTH || !isHex(value, 0, 2) || value.startsWith("ff")) {
			return null;
		}
		boolean version00 = value.startsWith("00");
		if ((version00 && value.length() != VERSION_00_LENGTH)
				|| (!version00 && value.length() > VERSION_00_LENGTH && value.charAt(VERSION_00_LENGTH) != '-')) {
			return null;
		}
		if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
			return null;
		}
		if (!isHex(value, 3, 35) || !isHex(value, 36, 52) || !isHex(value, 53, 55) || isZero(value, 3, 35)
				|| isZero(value, 36, 52)) {
			return null;
		}
		return new TraceParent(value.substring(3, 35), value.substring(36, 52),
				Integer.parseInt(value.substring(53, 55), 16));
	}

	/**
	 * Starts a new, sampled trace with the gateway as its root.
	 * @param random the source of ids
	 * @return the trace parent to send
	 */
	static TraceParent start(Random random) {
		return new TraceParent(hex(random, 2), hex(random, 1), SAMPLED);
	}

	/**
	 * The header to send on: same trace, the gateway's own span as parent.
	 * @param random the source of the new span id
	 * @return the trace parent to send
	 */
	TraceParent child(Random random) {
		return new TraceParent(this.traceId, hex(random, 1), this.flags & SAMPLED);
	}

	/** Whether the trace is sampled. */
	boolean sampled() {
		return (this.flags & SAMPLED) != 0;
	}

	@Override
	public String toString() {
		return "00-" + this.traceId + "-" + this.parentId + "-" + ((this.flags < 0x10) ? "0" : "")
				+ Integer.toHexString(this.flags);
	}

	private static String hex(Random random, int longs) {
		StringBuilder hex = new StringBuilder(longs * 16);
		for (int i = 0; i < longs; i++) {
			long value;
			do {
				value = random.nextLong();
			}
			while (value == 0 && longs == 1);
			String digits = Long.toHexString(value);
			hex.append("0".repeat(16 - digits.length())).append(digits);
		}
		return hex.toString();
	}

	private static boolean isHex(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isZero(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			if (value.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}

}
