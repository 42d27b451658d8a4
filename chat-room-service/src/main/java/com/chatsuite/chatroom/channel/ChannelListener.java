package com.chatsuite.chatroom.channel;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.DomainAnnounced;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.DomainUpdated;
import com.chatsuite.contracts.events.directory.OperatorAnnounced;
import com.chatsuite.contracts.events.directory.WidgetVisibilityChanged;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the channels projection from operator-domain-service's domain events, once per
 * event. Operators and assignments are ticket-service's business.
 */
@Component
class ChannelListener {

	static final String CONSUMER = "channels";

	private final EventInbox inbox;

	private final Channels channels;

	ChannelListener(EventInbox inbox, Channels channels) {
		this.inbox = inbox;
		this.channels = channels;
	}

	@KafkaListener(topics = Topics.DIRECTORY_OPERATORS, groupId = "${spring.application.name}-channels")
	void onDirectoryEvent(ConsumerRecord<String, byte[]> record) {
		// Widget visibility changes and operators are not for this service, and domain
		// announcements are idempotent upserts: no inbox round trips.
		this.inbox.handle(
				CONSUMER, record, (event) -> event.data() instanceof WidgetVisibilityChanged
						|| event.data() instanceof OperatorAnnounced || event.data() instanceof DomainAnnounced,
				this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof DomainCreated created) {
			return this.channels.record(created.domainId(), event.orgid(), created.name(), created.addon(),
					created.active());
		}
		if (event.data() instanceof DomainAnnounced announced) {
			// As it stands, repeated daily: a domain older than the topic is learnt.
			return this.channels.record(announced.domainId(), event.orgid(), announced.name(), announced.addon(),
					announced.active());
		}
		if (event.data() instanceof DomainUpdated updated) {
			return this.channels.record(updated.domainId(), event.orgid(), updated.name(), updated.addon(),
					updated.active());
		}
		return Mono.empty();
	}

}
