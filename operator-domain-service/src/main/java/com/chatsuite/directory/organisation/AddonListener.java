package com.chatsuite.directory.organisation;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.AddonInstalled;
import com.chatsuite.contracts.events.auth.AddonRemoved;
import com.chatsuite.contracts.events.auth.OrganisationAnnounced;
import com.chatsuite.contracts.events.auth.OrganisationCreated;
import com.chatsuite.directory.visibility.VisibilityWatch;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows which addons organisations have installed, from {@code auth.organisations} (one
 * by one, and as announced regularly for every organisation): a widget of an addon an
 * organisation removed does not show.
 */
@Component
class AddonListener {

	static final String CONSUMER = "organisation-addons";

	private final EventInbox inbox;

	private final Organisations organisations;

	private final VisibilityWatch visibility;

	AddonListener(EventInbox inbox, Organisations organisations, VisibilityWatch visibility) {
		this.inbox = inbox;
		this.organisations = organisations;
		this.visibility = visibility;
	}

	@KafkaListener(topics = Topics.AUTH_ORGANISATIONS, groupId = "${spring.application.name}-organisation-addons")
	void onOrganisationEvent(ConsumerRecord<String, byte[]> record) {
		// Announcements are repeated daily for every organisation and applied only when
		// newer: no inbox round trips.
		this.inbox.handle(CONSUMER, record, (event) -> event.data() instanceof OrganisationAnnounced, this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		Object data = event.data();
		if (data instanceof OrganisationCreated created) {
			return Flux.fromIterable(created.addons())
				.concatMap((addon) -> this.organisations.addonChanged(created.organisationId(), addon, true,
						created.createdAt()))
				.then();
		}
		if (data instanceof OrganisationAnnounced announced) {
			// Repeated for every organisation every day: its widgets are looked at again
			// only when an addon's answer changed.
			return this.organisations.announced(announced.organisationId(), announced.addons(), announced.announcedAt())
				.flatMap(
						(changed) -> changed ? this.visibility.organisation(announced.organisationId()) : Mono.empty());
		}
		if (data instanceof AddonInstalled installed) {
			return this.organisations
				.addonChanged(installed.organisationId(), installed.addon(), true, installed.installedAt())
				.then(this.visibility.organisation(installed.organisationId()));
		}
		if (data instanceof AddonRemoved removed) {
			return this.organisations
				.addonChanged(removed.organisationId(), removed.addon(), false, removed.removedAt())
				.then(this.visibility.organisation(removed.organisationId()));
		}
		return Mono.empty();
	}

}
