package com.chatsuite.chatroom.organisation;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.AddonInstalled;
import com.chatsuite.contracts.events.auth.AddonRemoved;
import com.chatsuite.contracts.events.auth.OrganisationCreated;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.OrganisationEnabled;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the organisation projection from auth-service's organisation events and its
 * organisation disabling and enabling (on {@code auth.revocations}), once per event.
 */
@Component
class OrganisationListener {

	static final String CONSUMER = "organisations";

	private final EventInbox inbox;

	private final Organisations organisations;

	OrganisationListener(EventInbox inbox, Organisations organisations) {
		this.inbox = inbox;
		this.organisations = organisations;
	}

	@KafkaListener(topics = { Topics.AUTH_ORGANISATIONS, Topics.AUTH_REVOCATIONS },
			groupId = "${spring.application.name}-organisations")
	void onOrganisationEvent(ConsumerRecord<String, byte[]> record) {
		this.inbox.handle(CONSUMER, record, this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		Object data = event.data();
		if (data instanceof OrganisationCreated created) {
			return this.organisations.created(created.organisationId(), created.organisationDomain(), created.addons());
		}
		if (data instanceof AddonInstalled installed) {
			return this.organisations.addonInstalled(installed.organisationId(), installed.addon());
		}
		if (data instanceof AddonRemoved removed) {
			return this.organisations.addonRemoved(removed.organisationId(), removed.addon());
		}
		if (data instanceof OrganisationDisabled disabled) {
			return this.organisations.statusChanged(disabled.organisationId(), false, disabled.disabledAt());
		}
		if (data instanceof OrganisationEnabled enabled) {
			return this.organisations.statusChanged(enabled.organisationId(), true, enabled.enabledAt());
		}
		// Token revocations are the revocation list's business.
		return Mono.empty();
	}

}
