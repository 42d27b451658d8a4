package com.chatsuite.partner.webhook;

import java.time.Duration;
import java.util.Optional;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.partner.WorkspaceActivated;
import com.chatsuite.partner.workspace.Workspace;
import com.chatsuite.support.events.EventInbox;
import com.chatsuite.support.events.OutageBackOff;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns suite events into webhook deliveries, once per event: partner-service's own
 * {@code partner.workspaces} (about the workspace of the event's subject), and
 * {@code room.closed} and {@code ticket.assigned} of the organisations that are
 * workspaces (the organisation id is the workspace id). Events no webhook is made of are
 * skipped before the inbox, so a busy chat costs one parse per message.
 * <p>
 * An organisation found to be no workspace is remembered as such: a workspace is stored
 * before its organisation exists, so an organisation that already has rooms and tickets
 * without a workspace never gets one, and its events end after the parse.
 */
@Component
class WebhookEventsListener {

	static final String CONSUMER = "webhooks";

	private final EventInbox inbox;

	private final EventJson json;

	private final ReactiveMongoTemplate mongo;

	private final Deliveries deliveries;

	private final Cache<String, Boolean> notWorkspaces = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	WebhookEventsListener(EventInbox inbox, EventJson json, ReactiveMongoTemplate mongo, Deliveries deliveries) {
		this.inbox = inbox;
		this.json = json;
		this.mongo = mongo;
		this.deliveries = deliveries;
	}

	@KafkaListener(topics = { Topics.PARTNER_WORKSPACES, Topics.CHAT_ROOMS, Topics.TICKETS },
			groupId = "${spring.application.name}-webhooks", concurrency = "${suite.partner.webhooks.consumers:3}")
	void onEvent(ConsumerRecord<String, byte[]> record) {
		CloudEvent<?> event = this.json.fromBytes(record.value());
		Optional<WebhookEvent> type = WebhookEvent.from(event.eventType());
		boolean releases = event.data() instanceof WorkspaceActivated;
		if (type.isEmpty() && !releases) {
			return;
		}
		String workspaceId = type.map((webhook) -> webhook.fromOrganisation() ? event.orgid() : event.subject())
			.orElse(event.subject());
		boolean fromOrganisation = type.isPresent() && type.get().fromOrganisation();
		if (fromOrganisation && this.notWorkspaces.getIfPresent(workspaceId) != null) {
			return;
		}
		// Most organisations are no partner's workspace: their room and ticket events end
		// here, after one read (then none), without the inbox's two round trips.
		Mono<Void> handling = this.mongo.findById(workspaceId, Workspace.class).doOnSuccess((workspace) -> {
			if (workspace == null && fromOrganisation) {
				this.notWorkspaces.put(workspaceId, Boolean.TRUE);
			}
		}).flatMap((workspace) -> this.inbox.process(CONSUMER, event, (received) -> handle(received, type, workspace)));
		try {
			handling.block(Duration.ofSeconds(30)); // allowed: Kafka listener thread
		}
		catch (RuntimeException ex) {
			throw OutageBackOff.marked(ex);
		}
	}

	private Mono<Void> handle(CloudEvent<?> event, Optional<WebhookEvent> type, Workspace workspace) {
		Mono<Void> released = (event.data() instanceof WorkspaceActivated) ? this.deliveries.release(workspace.id())
				: Mono.empty();
		return released
			.then(type.map((webhook) -> this.deliveries.deliver(event, webhook, workspace)).orElse(Mono.empty()));
	}

}
