package com.chatsuite.support.sample;

import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

import org.springframework.stereotype.Service;

/**
 * Stores a new parcel together with the event that announces it.
 */
@Service
public class ParcelService {

	private final ParcelRepository parcels;

	private final OutboxEvents events;

	private final OutboxWrites writes;

	ParcelService(ParcelRepository parcels, OutboxEvents events, OutboxWrites writes) {
		this.parcels = parcels;
		this.events = events;
		this.writes = writes;
	}

	public Mono<Parcel> create(String id, String label) {
		Parcel parcel = new Parcel(id, label, null);
		OperatorCreated data = new OperatorCreated(id, label + "@example.com", label, "livechat", true);
		return this.writes.insert(parcel.withEvent(this.events.of(id, "org-1", data)));
	}

	/** Changes a parcel's label, announcing it; no read before the write. */
	public Mono<Parcel> relabel(String id, String label) {
		OperatorCreated data = new OperatorCreated(id, label + "@example.com", label, "livechat", true);
		return this.writes.updateIf(Parcel.class, Criteria.where("_id").is(id), Update.update("label", label),
				this.events.of(id, "org-1", data));
	}

	public Mono<Parcel> find(String id) {
		return this.parcels.findById(id);
	}

}
