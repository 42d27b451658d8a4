package com.chatsuite.chatroom.organisation;

import com.chatsuite.chatroom.message.Messages;
import com.chatsuite.chatroom.room.Rooms;
import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.AddonInstalled;
import com.chatsuite.contracts.events.auth.AddonRemoved;
import com.chatsuite.contracts.events.auth.OrganisationAnnounced;
import com.chatsuite.contracts.events.auth.OrganisationCreated;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.OrganisationEnabled;
import com.chatsuite.support.events.EventInbox;
import com.chatsuite.support.web.ApiException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the organisation projection from auth-service's organisation events (including
 * the regular announcements of every organisation as it stands, which teach a new or
 * emptied projection the organisations older than the topic) and its organisation
 * disabling and enabling (on {@code auth.revocations}), once per event.
 */
@Component
class OrganisationListener {

	static final String CONSUMER = "organisations";

	/** Who closes the rooms of an organisation that may no longer chat. */
	private static final String CLOSED_BY = "system";

	private final EventInbox inbox;

	/** How many of an organisation's rooms are closed at once. */
	private static final int CONCURRENT_CLOSES = 4;

	private final Organisations organisations;

	private final Rooms rooms;

	private final Messages messages;

	OrganisationListener(EventInbox inbox, Organisations organisations, Rooms rooms, Messages messages) {
		this.inbox = inbox;
		this.organisations = organisations;
		this.rooms = rooms;
		this.messages = messages;
	}

	@KafkaListener(topics = { Topics.AUTH_ORGANISATIONS, Topics.AUTH_REVOCATIONS },
			groupId = "${spring.application.name}-organisations")
	void onOrganisationEvent(ConsumerRecord<String, byte[]> record) {
		// Announcements are repeated daily for every organisation and applied
		// idempotently: no inbox round trips.
		this.inbox.handle(CONSUMER, record, (event) -> event.data() instanceof OrganisationAnnounced, this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		Object data = event.data();
		if (data instanceof OrganisationCreated created) {
			return this.organisations.created(created.organisationId(), created.organisationDomain(), created.addons());
		}
		if (data instanceof OrganisationAnnounced announced) {
			return this.organisations
				.announced(announced.organisationId(), announced.organisationDomain(), announced.addons())
				// Repeated for every organisation every day: rooms are looked for only
				// when
				// the announcement took the last chat addon away.
				.flatMap((tookChat) -> tookChat ? closeRoomsUnlessChatEnabled(announced.organisationId())
						: Mono.empty());
		}
		if (data instanceof AddonInstalled installed) {
			return this.organisations.addonInstalled(installed.organisationId(), installed.addon());
		}
		if (data instanceof AddonRemoved removed) {
			return this.organisations.addonRemoved(removed.organisationId(), removed.addon())
				.then(closeRoomsUnlessChatEnabled(removed.organisationId()));
		}
		if (data instanceof OrganisationDisabled disabled) {
			return this.organisations.statusChanged(disabled.organisationId(), false, disabled.disabledAt())
				.then(closeRoomsUnlessChatEnabled(disabled.organisationId()));
		}
		if (data instanceof OrganisationEnabled enabled) {
			return this.organisations.statusChanged(enabled.organisationId(), true, enabled.enabledAt());
		}
		// Token revocations are the revocation list's business.
		return Mono.empty();
	}

	/**
	 * Closes the open rooms of an organisation that may no longer have chat rooms
	 * (disabled, or without a chat addon): their visitors would chat with nobody.
	 */
	private Mono<Void> closeRoomsUnlessChatEnabled(String orgId) {
		return this.organisations.requireChatEnabled(orgId, "org_id")
			.onErrorResume(ApiException.class,
					(refused) -> this.rooms.openOf(orgId)
						.flatMap((room) -> this.messages.close(room, CLOSED_BY, refused.getMessage()),
								CONCURRENT_CLOSES)
						.then());
	}

}
