package com.chatsuite.auth.partner;

import com.chatsuite.auth.organisation.OrganisationService;
import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.partner.WorkspaceAddonChanged;
import com.chatsuite.contracts.events.partner.WorkspaceCreated;
import com.chatsuite.contracts.events.partner.WorkspaceDeleted;
import com.chatsuite.support.events.EventInbox;
import com.chatsuite.support.web.ApiException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Makes each partner workspace a real organisation (SPEC section 4), from
 * {@code partner.workspaces}, once per event: a created workspace gets an organisation of
 * the same id (its client logs in like any organisation), its addons follow the
 * workspace's, and a deleted workspace's organisation is disabled.
 */
@Component
class WorkspaceOrganisations {

	private static final Log logger = LogFactory.getLog(WorkspaceOrganisations.class);

	private final EventInbox inbox;

	private final OrganisationService organisations;

	WorkspaceOrganisations(EventInbox inbox, OrganisationService organisations) {
		this.inbox = inbox;
		this.organisations = organisations;
	}

	@KafkaListener(topics = Topics.PARTNER_WORKSPACES, groupId = "${spring.application.name}-workspaces")
	void onWorkspaceEvent(ConsumerRecord<String, byte[]> record) {
		this.inbox.handle("workspace-organisations", record, this::apply);
	}

	Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof WorkspaceCreated created) {
			return this.organisations
				.provision(created.workspaceId(), created.organisationDomain(), created.clientEmail(),
						created.passwordHash(), created.addons())
				.switchIfEmpty(Mono.fromRunnable(() -> logger.warn("Workspace " + created.workspaceId()
						+ " has no organisation: sub domain '" + created.organisationDomain() + "' is taken")))
				.then();
		}
		if (event.data() instanceof WorkspaceAddonChanged changed) {
			Mono<?> change = changed.installed()
					? this.organisations.installAddon(changed.workspaceId(), changed.addon())
					: this.organisations.removeAddon(changed.workspaceId(), changed.addon());
			// Not installed, or the organisation was never provisioned: nothing to
			// change. Anything else (a write that kept failing) is retried.
			return change.onErrorResume(WorkspaceOrganisations::isNotFound, (ex) -> Mono.empty()).then();
		}
		if (event.data() instanceof WorkspaceDeleted deleted) {
			return this.organisations.disable(deleted.workspaceId())
				.onErrorResume(WorkspaceOrganisations::isNotFound, (ex) -> Mono.empty())
				.then();
		}
		return Mono.empty();
	}

	private static boolean isNotFound(Throwable failure) {
		return failure instanceof ApiException refused && refused.status().value() == 404;
	}

}
