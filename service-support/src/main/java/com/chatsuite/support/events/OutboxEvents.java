package com.chatsuite.support.events;

import java.time.Clock;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.support.observability.TraceParents;

/**
 * Makes the outbox entry for a change: the CloudEvents envelope with this service as
 * source, the current time and a new id, and the current trace context.
 */
public class OutboxEvents {

	private final String source;

	private final EventJson json;

	private final Clock clock;

	private final TraceParents traces;

	public OutboxEvents(String source, EventJson json, Clock clock, TraceParents traces) {
		this.source = source;
		this.json = json;
		this.clock = clock;
		this.traces = traces;
	}

	/**
	 * The outbox entry describing a change of one aggregate, with the trace context of
	 * the span making the change.
	 * @param subject the aggregate id (also the Kafka key)
	 * @param orgId the tenant organisation id
	 * @param data the event data
	 * @return the entry to add to the aggregate's outbox
	 */
	public OutboxEvent of(String subject, String orgId, EventData data) {
		return OutboxEvent.of(CloudEvent.of(this.source, subject, orgId, data, this.clock.instant()), this.json,
				this.traces.current());
	}

}
