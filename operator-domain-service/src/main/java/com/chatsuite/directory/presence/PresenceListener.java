package com.chatsuite.directory.presence;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.ticket.AgentStatusChanged;
import com.chatsuite.directory.visibility.VisibilityWatch;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the presence projection from ticket-service's events, once per event. Other
 * ticket events are of no interest here.
 */
@Component
class PresenceListener {

	static final String CONSUMER = "presence";

	private final EventInbox inbox;

	private final Presences presences;

	private final VisibilityWatch visibility;

	PresenceListener(EventInbox inbox, Presences presences, VisibilityWatch visibility) {
		this.inbox = inbox;
		this.presences = presences;
		this.visibility = visibility;
	}

	@KafkaListener(topics = Topics.TICKETS, groupId = "${spring.application.name}-presence")
	void onTicketEvent(ConsumerRecord<String, byte[]> record) {
		// Only status changes are recorded; the other ticket events skip the inbox.
		this.inbox.handle(CONSUMER, record, (event) -> !(event.data() instanceof AgentStatusChanged), this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof AgentStatusChanged changed) {
			return this.presences
				.record(event.orgid(), changed.addon(), changed.agentId(), changed.status(), changed.changedAt())
				.then(this.visibility.operator(event.orgid(), changed.agentId()));
		}
		return Mono.empty();
	}

}
