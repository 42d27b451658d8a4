package com.chatsuite.ticket.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.chatsuite.contracts.events.ticket.AgentStatus;
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
 * The agents store: the projection of operators and their assignments, and the
 * conditional single-document updates that give and take back tickets.
 */
@Component
public class Agents {

	private static final String COLLECTION = "agents";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Agents(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Records an operator's name, email and activity in an addon, creating its agent
	 * (offline) when new.
	 * @param orgId the organisation
	 * @param addon the addon
	 * @param operatorId the operator
	 * @param email its email
	 * @param name its name, {@code null} to keep the known one
	 * @param active whether it is active for the addon
	 * @return the agent after the change
	 */
	public Mono<Agent> recordOperator(String orgId, String addon, String operatorId, String email, String name,
			boolean active) {
		Update update = newAgent(orgId, addon, operatorId).set("email", email).set("active", active);
		if (name != null) {
			update.set("name", name);
		}
		else {
			update.setOnInsert("name", email);
		}
		return upsert(Agent.key(orgId, addon, operatorId), update);
	}

	/**
	 * Records whether an operator takes chats of a domain.
	 * @param orgId the organisation
	 * @param addon the addon of the domain
	 * @param operatorId the operator
	 * @param domainId the domain
	 * @param enabled whether the assignment is enabled
	 * @return the agent after the change
	 */
	public Mono<Agent> recordAssignment(String orgId, String addon, String operatorId, String domainId,
			boolean enabled) {
		Update update = newAgent(orgId, addon, operatorId).setOnInsert("email", "")
			.setOnInsert("name", operatorId)
			.setOnInsert("active", false);
		if (enabled) {
			update.addToSet("domainIds", domainId);
		}
		else {
			update.pull("domainIds", domainId);
		}
		return upsert(Agent.key(orgId, addon, operatorId), update);
	}

	private Update newAgent(String orgId, String addon, String operatorId) {
		return new Update().setOnInsert("orgId", orgId)
			.setOnInsert("addon", addon)
			.setOnInsert("operatorId", operatorId)
			.setOnInsert("status", AgentStatus.OFFLINE)
			.setOnInsert("statusChangedAt", this.clock.instant())
			.setOnInsert("tickets", List.of())
			.setOnInsert("load", 0)
			.setOnInsert("version", 0L)
			.setOnInsert("outbox", List.of());
	}

	private Mono<Agent> upsert(String id, Update update) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Agent.class);
	}

	/**
	 * An agent.
	 * @param id its key
	 * @return the agent, empty when unknown
	 */
	public Mono<Agent> find(String id) {
		return this.mongo.findById(id, Agent.class);
	}

	/**
	 * Notes that an agent made a call now, for idle detection.
	 * @param id its key
	 * @return the agent, empty when unknown
	 */
	public Mono<Agent> seen(String id) {
		// A new version: taking the agent offline as idle, decided on what was read
		// before this call, fails its version condition.
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				Update.update("lastSeenAt", this.clock.instant()).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Agent.class);
	}

	/**
	 * The online, active agents of an organisation below a capacity, least loaded first
	 * and, among equals, the one that waited longest for a ticket.
	 * @param orgId the organisation
	 * @param capacity the capacity
	 * @param addon the addon of the domain, {@code null} for any
	 * @param domainIds the domains the agents must take chats of, {@code null} for any
	 * @return the candidates in routing order
	 */
	public Flux<Agent> candidates(String orgId, int capacity, String addon, Collection<String> domainIds) {
		Criteria criteria = Criteria.where("orgId")
			.is(orgId)
			.and("status")
			.is(AgentStatus.ONLINE)
			.and("active")
			.is(true)
			.and("load")
			.lt(capacity);
		if (addon != null) {
			criteria.and("addon").is(addon);
		}
		if (domainIds != null) {
			criteria.and("domainIds").in(domainIds);
		}
		// Sorts name the id property, which Spring Data maps to _id; naming _id itself
		// made it build and throw a PropertyReferenceException for every query.
		Query query = Query.query(criteria)
			.with(Sort.by(Sort.Order.asc("load"), Sort.Order.asc("lastAssignedAt"), Sort.Order.asc("id")));
		return this.mongo.find(query, Agent.class);
	}

	/**
	 * Gives an agent one more ticket if it is still online, active and below capacity, in
	 * one conditional update.
	 * @param agentId the agent
	 * @param ticketId the ticket
	 * @param capacity the capacity
	 * @return the agent holding the ticket, empty when it can take none
	 */
	public Mono<Agent> claim(String agentId, String ticketId, int capacity) {
		Query free = Query.query(Criteria.where("_id")
			.is(agentId)
			.and("status")
			.is(AgentStatus.ONLINE)
			.and("active")
			.is(true)
			.and("load")
			.lt(capacity)
			.and("tickets")
			.ne(ticketId));
		Update take = new Update().push("tickets", ticketId).inc("load", 1).set("lastAssignedAt", this.clock.instant());
		return this.mongo.findAndModify(free, take, FindAndModifyOptions.options().returnNew(true), Agent.class);
	}

	/**
	 * Takes a ticket from an agent's load; doing it twice changes nothing.
	 * @param agentId the agent
	 * @param ticketId the ticket
	 * @return whether the agent held it
	 */
	public Mono<Boolean> release(String agentId, String ticketId) {
		Query holding = Query.query(Criteria.where("_id").is(agentId).and("tickets").is(ticketId));
		Update give = new Update().pull("tickets", ticketId).inc("load", -1);
		return this.mongo.updateFirst(holding, give, COLLECTION).map((result) -> result.getModifiedCount() > 0);
	}

	/**
	 * Offline agents that still hold tickets: left over by a replica that stopped half
	 * way.
	 * @return such agents
	 */
	public Flux<Agent> offlineHoldingTickets() {
		return this.mongo.find(
				Query.query(Criteria.where("status").is(AgentStatus.OFFLINE).and("load").gt(0)).limit(100),
				Agent.class);
	}

	/**
	 * Agents that are not offline and hold tickets, in id order, a page at a time.
	 * @param afterId the id the page starts after, {@code ""} for the first page
	 * @param limit how many at most
	 * @return such agents
	 */
	public Flux<Agent> onlineHoldingTickets(String afterId, int limit) {
		Query query = Query
			.query(Criteria.where("_id").gt(afterId).and("status").ne(AgentStatus.OFFLINE).and("load").gt(0))
			.with(Sort.by(Sort.Order.asc("id")))
			.limit(limit);
		return this.mongo.find(query, Agent.class);
	}

	/**
	 * Agents not offline that made no call since a time.
	 * @param since the time
	 * @return such agents
	 */
	public Flux<Agent> idleSince(Instant since) {
		return this.mongo.find(Query
			.query(Criteria.where("status")
				.ne(AgentStatus.OFFLINE)
				.orOperator(Criteria.where("lastSeenAt").lt(since), Criteria.where("lastSeenAt").is(null)))
			.limit(100), Agent.class);
	}

	/**
	 * How many agents are online, in every organisation.
	 * @return the count
	 */
	public Mono<Long> countOnline() {
		return this.mongo.count(Query.query(Criteria.where("status").is(AgentStatus.ONLINE)), Agent.class);
	}

}
