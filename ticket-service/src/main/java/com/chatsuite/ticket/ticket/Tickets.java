package com.chatsuite.ticket.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.chatsuite.contracts.events.EventData;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The tickets store: lookups for the API, routing and housekeeping, and the conditional
 * writes that move a ticket through its lifecycle.
 */
@Component
public class Tickets {

	private final ReactiveMongoTemplate mongo;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	Tickets(ReactiveMongoTemplate mongo, OutboxWrites writes, OutboxEvents events) {
		this.mongo = mongo;
		this.writes = writes;
		this.events = events;
	}

	/**
	 * Stores a new ticket with the event of its creation.
	 * @param ticket the ticket
	 * @param created the event
	 * @return the stored ticket; {@code DuplicateKeyException} when its room has one
	 */
	Mono<Ticket> insert(Ticket ticket, EventData created) {
		Ticket withEvent = new Ticket(ticket.id(), ticket.orgId(), ticket.roomId(), ticket.status(),
				ticket.productName(), ticket.customer(), ticket.language(), ticket.lastMessage(), ticket.lastSequence(),
				null, null, null, ticket.createdAt(), ticket.queuedAt(), null, null, null, null, false, null, false, 0L,
				List.of(this.events.of(ticket.id(), ticket.orgId(), created)));
		return this.writes.insert(withEvent);
	}

	/**
	 * Moves a ticket to a new status if it is unchanged since it was read.
	 * @param ticket the ticket as read
	 * @param next the new status; the lifecycle must allow it
	 * @param changes other field changes
	 * @param event the event announcing the change
	 * @return the ticket after the change; {@code ConcurrentChange} when it changed in
	 * the meantime
	 */
	public Mono<Ticket> change(Ticket ticket, TicketStatus next, Update changes, EventData event) {
		ticket.status().become(next);
		return this.writes.update(Ticket.class, ticket.id(), ticket.version(), changes.set("status", next),
				this.events.of(ticket.id(), ticket.orgId(), event));
	}

	/**
	 * Changes a ticket without changing its status, if it is unchanged since it was read.
	 * @param ticket the ticket as read
	 * @param changes the field changes
	 * @param event the event announcing them
	 * @return the ticket after the change; {@code ConcurrentChange} when it changed in
	 * the meantime
	 */
	Mono<Ticket> note(Ticket ticket, Update changes, EventData event) {
		return this.writes.update(Ticket.class, ticket.id(), ticket.version(), changes,
				this.events.of(ticket.id(), ticket.orgId(), event));
	}

	/**
	 * Marks a closed ticket's room closed; no event, the ticket was announced closed
	 * already.
	 * @param ticket the ticket as read
	 * @return the ticket after the change, empty when it changed in the meantime
	 */
	Mono<Ticket> markChatClosed(Ticket ticket) {
		ticket.status().become(TicketStatus.CHAT_CLOSED);
		Query unchanged = Query.query(Criteria.where("_id").is(ticket.id()).and("version").is(ticket.version()));
		Update update = Update.update("status", TicketStatus.CHAT_CLOSED).set("chatRoomClosed", true).inc("version", 1);
		return this.mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true),
				Ticket.class);
	}

	public Mono<Ticket> find(String id) {
		return this.mongo.findById(id, Ticket.class);
	}

	/**
	 * The tickets of some ids that exist.
	 * @param ids the ids
	 * @return the tickets found
	 */
	public Flux<Ticket> findAll(Collection<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Ticket.class);
	}

	Mono<Ticket> findByRoom(String roomId) {
		return this.mongo.findOne(Query.query(Criteria.where("roomId").is(roomId)), Ticket.class);
	}

	/**
	 * An organisation's tickets waiting for an agent, first come first.
	 * @param orgId the organisation
	 * @param after the ticket the page starts after, {@code null} for the head of the
	 * queue
	 * @param limit how many at most
	 * @return the tickets in queue order
	 */
	public Flux<Ticket> waiting(String orgId, Ticket after, int limit) {
		Criteria criteria = Criteria.where("orgId").is(orgId).and("status").in(TicketStatus.waiting());
		if (after != null) {
			criteria = criteria.orOperator(Criteria.where("queuedAt").gt(after.queuedAt()),
					Criteria.where("queuedAt").is(after.queuedAt()).and("id").gt(after.id()));
		}
		Query query = Query.query(criteria)
			.with(Sort.by(Sort.Order.asc("queuedAt"), Sort.Order.asc("id")))
			.limit(limit);
		return this.mongo.find(query, Ticket.class);
	}

	/**
	 * How many tickets wait for an agent, in every organisation.
	 * @return the count
	 */
	public Mono<Long> countWaiting() {
		return this.mongo.count(Query.query(Criteria.where("status").in(TicketStatus.waiting())), Ticket.class);
	}

	/**
	 * The organisations with tickets waiting for an agent.
	 * @return their ids
	 */
	public Flux<String> organisationsWaiting() {
		return this.mongo.findDistinct(Query.query(Criteria.where("status").in(TicketStatus.waiting())), "orgId",
				Ticket.class, String.class);
	}

	/**
	 * The open tickets an agent holds, in the order it received them.
	 * @param agentKey the agent
	 * @return the tickets
	 */
	public Flux<Ticket> heldBy(String agentKey) {
		Query query = Query.query(Criteria.where("agentKey").is(agentKey).and("status").in(TicketStatus.held()))
			.with(Sort.by(Sort.Order.asc("assignedAt")));
		return this.mongo.find(query, Ticket.class);
	}

	/**
	 * The tickets an agent held that were closed since a time, newest first.
	 * @param agentKey the agent's key: its organisation, addon and operator
	 * @param since the time
	 * @return the tickets
	 */
	Flux<Ticket> closedBy(String agentKey, Instant since) {
		Query query = Query
			.query(Criteria.where("agentKey")
				.is(agentKey)
				.and("status")
				.in(TicketStatus.CLOSED, TicketStatus.CHAT_CLOSED)
				.and("closedAt")
				.gte(since))
			.with(Sort.by(Sort.Order.desc("closedAt")));
		return this.mongo.find(query, Ticket.class);
	}

	/**
	 * Assigned tickets whose auto-close warning is due and not given.
	 * @param now the current time
	 * @return such tickets
	 */
	Flux<Ticket> warningDue(Instant now) {
		return this.mongo.find(
				Query
					.query(Criteria.where("status")
						.is(TicketStatus.ASSIGNED)
						.and("warned")
						.is(false)
						.and("autoCloseWarningAt")
						.lte(now))
					.limit(100),
				Ticket.class);
	}

	/**
	 * Assigned tickets whose auto-close is due.
	 * @param now the current time
	 * @return such tickets
	 */
	Flux<Ticket> closeDue(Instant now) {
		return this.mongo.find(
				Query.query(Criteria.where("status").is(TicketStatus.ASSIGNED).and("autoCloseAt").lte(now)).limit(100),
				Ticket.class);
	}

	/**
	 * Records a room's message if it is later than the last one recorded.
	 * @param roomId the room
	 * @param sequence the message's sequence
	 * @param message the message
	 * @return the ticket after the change, empty when the room has no ticket or a later
	 * message is recorded already
	 */
	Mono<Ticket> recordMessage(String roomId, long sequence, Ticket.LastMessage message) {
		Query earlier = Query.query(Criteria.where("roomId").is(roomId).and("lastSequence").lt(sequence));
		Update update = Update.update("lastMessage", message).set("lastSequence", sequence);
		return this.mongo.findAndModify(earlier, update, FindAndModifyOptions.options().returnNew(true), Ticket.class);
	}

	/**
	 * Pushes an assigned ticket's auto-close times back after a message.
	 * @param ticket the ticket after recording the message
	 * @param warningAt the new warning time
	 * @param closeAt the new close time
	 * @return completes when done; nothing happens when the ticket is no longer assigned
	 * or a later message came
	 */
	Mono<Void> postpone(Ticket ticket, Instant warningAt, Instant closeAt) {
		Query current = Query.query(Criteria.where("_id")
			.is(ticket.id())
			.and("status")
			.is(TicketStatus.ASSIGNED)
			.and("lastSequence")
			.is(ticket.lastSequence()));
		// A new version: a warning or close decided on the times read before fails its
		// version condition instead of closing a ticket a message has just kept open.
		Update update = Update.update("autoCloseWarningAt", warningAt)
			.set("autoCloseAt", closeAt)
			.set("warned", false)
			.inc("version", 1);
		return this.mongo.updateFirst(current, update, Ticket.class).then();
	}

	/**
	 * Sets a ticket's picked time unless it has one, if the agent still holds it (it may
	 * have been given back since the caller checked).
	 * @param ticketId the ticket
	 * @param agentKey the holding agent's key
	 * @param at the time
	 * @return completes when done
	 */
	Mono<Void> pick(String ticketId, String agentKey, Instant at) {
		Query unpicked = Query
			.query(Criteria.where("_id").is(ticketId).and("agentKey").is(agentKey).and("pickedAt").is(null));
		return this.mongo.updateFirst(unpicked, Update.update("pickedAt", at), Ticket.class).then();
	}

}
