package com.chatsuite.support.sample;

import java.util.ArrayList;
import java.util.List;

import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A sample aggregate that records its changes as events in its own outbox.
 */
@Document("parcels")
public record Parcel(@Id String id, String label, List<OutboxEvent> outbox) implements OutboxWrites.Aggregate {

	public Parcel {
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	Parcel withEvent(OutboxEvent event) {
		List<OutboxEvent> events = new ArrayList<>(this.outbox);
		events.add(event);
		return new Parcel(this.id, this.label, events);
	}

}
