package com.chatsuite.directory.workspace;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.partner.MemberInvited;
import com.chatsuite.contracts.events.partner.MemberRemoved;
import com.chatsuite.contracts.events.partner.PlanChanged;
import com.chatsuite.contracts.events.partner.WorkspaceActivated;
import com.chatsuite.contracts.events.partner.WorkspaceAddonChanged;
import com.chatsuite.contracts.events.partner.WorkspaceCreated;
import com.chatsuite.contracts.events.partner.WorkspacePaused;
import com.chatsuite.directory.plan.PlanLimits;
import com.chatsuite.directory.visibility.VisibilityWatch;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What operator-domain-service learns from partner-service's {@code partner.workspaces},
 * once per event and in each workspace's order: plan limits, pause and activation,
 * addons, and agent members. Points, renewals and deletions are not its business (a
 * deleted workspace's organisation is disabled by auth-service).
 */
@Component
class WorkspaceListener {

	static final String CONSUMER = "workspaces";

	private final EventInbox inbox;

	private final Workspaces workspaces;

	private final PlanLimits limits;

	private final AgentMembers members;

	private final VisibilityWatch visibility;

	WorkspaceListener(EventInbox inbox, Workspaces workspaces, PlanLimits limits, AgentMembers members,
			VisibilityWatch visibility) {
		this.inbox = inbox;
		this.workspaces = workspaces;
		this.limits = limits;
		this.members = members;
		this.visibility = visibility;
	}

	@KafkaListener(topics = Topics.PARTNER_WORKSPACES, groupId = "${spring.application.name}-workspaces")
	void onWorkspaceEvent(ConsumerRecord<String, byte[]> record) {
		this.inbox.handle(CONSUMER, record, this::apply);
	}

	private Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof WorkspaceCreated created) {
			return this.workspaces.created(created.workspaceId(), created.addons(), created.createdAt())
				.then(this.limits.limit(created.workspaceId(), created.plan(), created.maxOperators(),
						created.maxDomains(), created.createdAt()));
		}
		if (event.data() instanceof PlanChanged changed) {
			return this.limits.limit(changed.workspaceId(), changed.plan(), changed.maxOperators(),
					changed.maxDomains(), changed.changedAt());
		}
		if (event.data() instanceof WorkspacePaused paused) {
			return this.workspaces.statusChanged(paused.workspaceId(), true, paused.pausedAt())
				.then(this.visibility.organisation(paused.workspaceId()));
		}
		if (event.data() instanceof WorkspaceActivated activated) {
			return this.workspaces.statusChanged(activated.workspaceId(), false, activated.activatedAt())
				.then(this.visibility.organisation(activated.workspaceId()));
		}
		if (event.data() instanceof WorkspaceAddonChanged addon) {
			return this.workspaces.addonChanged(addon.workspaceId(), addon.addon(), addon.installed());
		}
		if (event.data() instanceof MemberInvited invited) {
			return this.members.invited(invited);
		}
		if (event.data() instanceof MemberRemoved removed) {
			return this.members.removed(removed);
		}
		return Mono.empty();
	}

}
