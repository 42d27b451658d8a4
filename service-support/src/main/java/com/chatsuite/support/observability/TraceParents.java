package com.chatsuite.support.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The W3C {@code traceparent} of the span current on this thread, for work that leaves
 * the request and goes on later elsewhere (an event in the outbox, sent by the relay).
 */
public final class TraceParents {

	/** The header (HTTP and Kafka record) and field name. */
	public static final String HEADER = "traceparent";

	private static final TraceParents NONE = new TraceParents(null);

	private final @Nullable Tracer tracer;

	private TraceParents(@Nullable Tracer tracer) {
		this.tracer = tracer;
	}

	/**
	 * Reads the current span from the application's tracer, if it has one.
	 * @param tracer the tracer
	 * @return the trace parents
	 */
	public static TraceParents of(ObjectProvider<Tracer> tracer) {
		Tracer available = tracer.getIfAvailable();
		return (available != null) ? new TraceParents(available) : NONE;
	}

	/**
	 * Without tracing: never a parent.
	 * @return the trace parents
	 */
	public static TraceParents none() {
		return NONE;
	}

	/**
	 * The current span as a W3C {@code traceparent}.
	 * @return the header value, {@code null} without a current span
	 */
	public @Nullable String current() {
		if (this.tracer == null) {
			return null;
		}
		Span span = this.tracer.currentSpan();
		return (span != null) ? of(span.context()) : null;
	}

	/**
	 * Formats a trace context as a version {@code 00} {@code traceparent}.
	 * @param context the context
	 * @return the header value, {@code null} when the context has no valid ids
	 */
	static @Nullable String of(TraceContext context) {
		String traceId = context.traceId();
		String spanId = context.spanId();
		if (traceId.length() != 32 || spanId.length() != 16 || traceId.equals("0".repeat(32))) {
			return null;
		}
		return "00-" + traceId + "-" + spanId + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
	}

}
