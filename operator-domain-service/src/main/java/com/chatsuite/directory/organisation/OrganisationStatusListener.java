package com.chatsuite.directory.organisation;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.OrganisationEnabled;
import com.chatsuite.directory.visibility.VisibilityWatch;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the organisation status projection from {@code auth.revocations}, once per event.
 * Token revocations on the same topic are the revocation list's business.
 */
@Component
class OrganisationStatusListener {

	static final String CONSUMER = "organisation-status";

	private final EventInbox inbox;

	private final Organisations organisations;

	private final VisibilityWatch visibility;

	OrganisationStatusListener(EventInbox inbox, Organisations organisations, VisibilityWatch visibility) {
		this.inbox = inbox;
		this.organisations = organisations;
		this.visibility = visibility;
	}

	@KafkaListener(topics = Topics.AUTH_REVOCATIONS, groupId = "${spring.application.name}-organisations")
	void onRevocationEvent(ConsumerRecord<String, byte[]> record) {
		this.inbox.handle(CONSUMER, record, this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof OrganisationDisabled disabled) {
			return this.organisations.record(disabled.organisationId(), false, disabled.disabledAt())
				.then(this.visibility.organisation(disabled.organisationId()));
		}
		if (event.data() instanceof OrganisationEnabled enabled) {
			return this.organisations.record(enabled.organisationId(), true, enabled.enabledAt())
				.then(this.visibility.organisation(enabled.organisationId()));
		}
		return Mono.empty();
	}

}
