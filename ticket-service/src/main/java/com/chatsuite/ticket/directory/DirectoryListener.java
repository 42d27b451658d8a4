package com.chatsuite.ticket.directory;

import java.util.Locale;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.AssignmentUpdated;
import com.chatsuite.contracts.events.directory.DomainAnnounced;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.DomainUpdated;
import com.chatsuite.contracts.events.directory.OperatorAddonStatusChanged;
import com.chatsuite.contracts.events.directory.OperatorAnnounced;
import com.chatsuite.contracts.events.directory.OperatorAssigned;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.contracts.events.directory.WidgetVisibilityChanged;
import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.support.events.EventInbox;
import com.chatsuite.ticket.agent.Agents;
import com.chatsuite.ticket.agent.PresenceService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the agents and domains projections from operator-domain-service's events, once
 * per event. Every change is an upsert or a set operation, so events of one operator
 * arriving out of order (they travel under different keys) still end in the same state.
 * An operator deactivated for an addon goes offline there.
 */
@Component
class DirectoryListener {

	static final String CONSUMER = "directory";

	private final EventInbox inbox;

	private final Agents agents;

	private final KnownDomains domains;

	private final PresenceService presence;

	DirectoryListener(EventInbox inbox, Agents agents, KnownDomains domains, PresenceService presence) {
		this.inbox = inbox;
		this.agents = agents;
		this.domains = domains;
		this.presence = presence;
	}

	@KafkaListener(topics = Topics.DIRECTORY_OPERATORS, groupId = "${spring.application.name}-directory")
	void onDirectoryEvent(ConsumerRecord<String, byte[]> record) {
		// Widget visibility announcements are not for this service: no inbox round trips.
		this.inbox.handle(
				CONSUMER, record, (event) -> event.data() instanceof WidgetVisibilityChanged
						|| event.data() instanceof OperatorAnnounced || event.data() instanceof DomainAnnounced,
				this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		String orgId = event.orgid();
		Object data = event.data();
		if (data instanceof OperatorCreated created) {
			return this.agents
				.recordOperator(orgId, created.addon(), created.operatorId(), created.email(), created.name(),
						created.active())
				.then();
		}
		if (data instanceof OperatorAddonStatusChanged changed) {
			return this.agents
				.recordOperator(orgId, changed.addon(), changed.operatorId(), changed.email(), null, changed.active())
				.flatMap((agent) -> agent.active() ? Mono.empty()
						: this.presence.change(agent.id(), AgentStatus.OFFLINE))
				.then();
		}
		if (data instanceof OperatorAssigned assigned) {
			return this.agents
				.recordAssignment(orgId, assigned.addon(), assigned.operatorId(), assigned.domainId(),
						assigned.status())
				.then();
		}
		if (data instanceof AssignmentUpdated updated) {
			return this.agents
				.recordAssignment(orgId, updated.addon(), updated.operatorId(), updated.domainId(), updated.status())
				.then();
		}
		// Announcements of operators and domains as they stand (repeated daily, so that
		// a projection rebuilt from the topic learns those older than it): the same
		// records as their one-by-one events.
		if (data instanceof OperatorAnnounced announced) {
			return Flux.fromIterable(announced.addons())
				.concatMap((addon) -> this.agents.recordOperator(orgId, addon.addon(), announced.operatorId(),
						announced.email(), announced.name(), addon.active()))
				.then();
		}
		if (data instanceof DomainAnnounced announced) {
			return this.domains
				.record(new KnownDomain(announced.domainId(), orgId, announced.addon(),
						announced.name().toLowerCase(Locale.ROOT), announced.active()))
				.thenMany(Flux.fromIterable(announced.operators())
					.concatMap((assigned) -> this.agents.recordAssignment(orgId, announced.addon(),
							assigned.operatorId(), announced.domainId(), assigned.status())))
				.then();
		}
		if (data instanceof DomainCreated created) {
			return this.domains.record(new KnownDomain(created.domainId(), orgId, created.addon(),
					created.name().toLowerCase(Locale.ROOT), created.active()));
		}
		if (data instanceof DomainUpdated updated) {
			return this.domains.record(new KnownDomain(updated.domainId(), orgId, updated.addon(),
					updated.name().toLowerCase(Locale.ROOT), updated.active()));
		}
		return Mono.empty();
	}

}
