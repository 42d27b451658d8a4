package com.chatsuite.support.sample;

import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.support.events.OutboxEvents;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Stores a new parcel together with the event that announces it.
 */
@Service
public class ParcelService {

	private final ParcelRepository parcels;

	private final ReactiveMongoTemplate mongo;

	private final OutboxEvents events;

	ParcelService(ParcelRepository parcels, ReactiveMongoTemplate mongo, OutboxEvents events) {
		this.parcels = parcels;
		this.mongo = mongo;
		this.events = events;
	}

	public Mono<Parcel> create(String id, String label) {
		Parcel parcel = new Parcel(id, label, null);
		OperatorCreated data = new OperatorCreated(id, label + "@example.com", label, "livechat", true);
		return this.mongo.insert(parcel.withEvent(this.events.of(id, "org-1", data)));
	}

	public Mono<Parcel> find(String id) {
		return this.parcels.findById(id);
	}

}
