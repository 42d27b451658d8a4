package com.chatsuite.gateway.correlation;

/**
 * The ids a request carries on to its service, chosen once by {@link CorrelationFilter}.
 *
 * @param requestId the {@code X-Request-Id}
 * @param traceParent the {@code traceparent} to send
 * @param continuesTrace whether an incoming trace goes on (its {@code tracestate} with
 * it)
 */
record Correlation(String requestId, TraceParent traceParent, boolean continuesTrace) {

	/** The exchange attribute holding it. */
	static final String ATTRIBUTE = Correlation.class.getName();

}
