package com.chatsuite.gateway;

import org.springframework.core.Ordered;

/**
 * The order of the gateway's own web filters, which all run before routing. Cheap checks
 * that need no token come first; the body is looked at last, once the caller is known.
 */
public final class WebFilterOrder {

	/** Request id and W3C trace context, so even refusals can be correlated. */
	public static final int CORRELATION = Ordered.HIGHEST_PRECEDENCE;

	/** Paths with dot segments, encoded slashes or control characters are refused. */
	public static final int REQUEST_PATH = CORRELATION + 5;

	/** CORS for the public chat paths; preflight requests end here. */
	public static final int CORS = CORRELATION + 10;

	/** Token verification and identity headers. */
	public static final int AUTHENTICATION = CORS + 10;

	/**
	 * Per-client rate limits of the token endpoints and visitor paths: after
	 * authentication, so that only a verified token exempts a server-side caller.
	 */
	public static final int RATE_LIMIT = AUTHENTICATION + 10;

	/** Request body size limit. */
	public static final int REQUEST_SIZE = RATE_LIMIT + 10;

	private WebFilterOrder() {
	}

}
