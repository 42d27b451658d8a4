package com.chatsuite.partner.flow;

import java.util.List;
import java.util.Objects;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.AgentMemberEnlisted;
import com.chatsuite.contracts.events.directory.AgentMemberRefused;
import com.chatsuite.contracts.events.directory.DomainAnnounced;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.DomainUpdated;
import com.chatsuite.contracts.events.directory.OperatorAnnounced;
import com.chatsuite.contracts.events.directory.WidgetVisibilityChanged;
import com.chatsuite.partner.workspace.Change;
import com.chatsuite.partner.workspace.Member;
import com.chatsuite.partner.workspace.Workspace;
import com.chatsuite.partner.workspace.Workspaces;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What partner-service learns from {@code directory.operators}, once per event: the
 * domains of workspaces' organisations (their flows) and whether their widgets show, and
 * agent members who became operators of their workspace's organisation (accepted) or
 * could not (refused, with the reason).
 */
@Component
class DirectoryListener {

	private final EventInbox inbox;

	private final ReactiveMongoTemplate mongo;

	private final Workspaces workspaces;

	DirectoryListener(EventInbox inbox, ReactiveMongoTemplate mongo, Workspaces workspaces) {
		this.inbox = inbox;
		this.mongo = mongo;
		this.workspaces = workspaces;
	}

	@KafkaListener(topics = Topics.DIRECTORY_OPERATORS, groupId = "${spring.application.name}-directory")
	void onDirectoryEvent(ConsumerRecord<String, byte[]> record) {
		// Announcements are upserts, idempotent by themselves: no inbox round trips for
		// what is repeated daily for every operator and domain.
		this.inbox.handle("flows", record,
				(event) -> event.data() instanceof DomainAnnounced || event.data() instanceof OperatorAnnounced,
				this::apply);
	}

	Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof DomainCreated created) {
			return save(created.domainId(), event.orgid(), created.name(), created.addon(), created.active());
		}
		if (event.data() instanceof DomainAnnounced announced) {
			// As it stands, repeated daily: a flow older than the topic is learnt, with
			// its widget's verdict (ordered by the verdict's version, as always).
			Mono<Void> saved = save(announced.domainId(), event.orgid(), announced.name(), announced.addon(),
					announced.active());
			DomainAnnounced.Visibility verdict = announced.visibility();
			return (verdict != null) ? saved.then(visibility(event.orgid(), announced.domainId(), announced.name(),
					announced.addon(), verdict.visible(), verdict.reason(), verdict.version())) : saved;
		}
		if (event.data() instanceof DomainUpdated updated) {
			return save(updated.domainId(), event.orgid(), updated.name(), updated.addon(), updated.active());
		}
		if (event.data() instanceof WidgetVisibilityChanged changed) {
			return visibility(event.orgid(), changed.domainId(), changed.name(), changed.addon(), changed.visible(),
					changed.reason(), changed.version());
		}
		if (event.data() instanceof AgentMemberEnlisted enlisted) {
			return decide(event.orgid(), enlisted.email(), true, null);
		}
		if (event.data() instanceof AgentMemberRefused refused) {
			return decide(event.orgid(), refused.email(), false, refused.reason());
		}
		return Mono.empty();
	}

	/** The domain's own fields, leaving its widget's visibility as it is. */
	private Mono<Void> save(String domainId, String orgId, String name, String addon, boolean active) {
		Update fields = Update.update("orgId", orgId).set("name", name).set("addon", addon).set("active", active);
		return this.mongo.upsert(Query.query(Criteria.where("_id").is(domainId)), fields, Flow.class).then();
	}

	/**
	 * The widget's visibility, unless a later verdict is recorded already (by the
	 * verdict's version, not by the clocks of the replicas that made them).
	 */
	private Mono<Void> visibility(String orgId, String domainId, String name, String addon, boolean visible,
			String reason, long version) {
		Query olderOrAbsent = Query.query(Criteria.where("_id")
			.is(domainId)
			.orOperator(Criteria.where("visibilityVersion").exists(false),
					Criteria.where("visibilityVersion").lt(version)));
		Update visibility = Update.update("orgId", orgId)
			.set("visible", visible)
			.set("hiddenBecause", reason)
			.set("visibilityVersion", version)
			.setOnInsert("name", name)
			.setOnInsert("addon", addon)
			.setOnInsert("active", true);
		// Nothing older matched and the id exists: a later verdict is recorded already.
		return this.mongo.upsert(olderOrAbsent, visibility, Flow.class)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	/**
	 * The organisation of the workspace of the same id made an agent member an operator,
	 * or refused to.
	 */
	private Mono<Void> decide(String orgId, String email, boolean accepted, String refusal) {
		Mono<Workspace> step = Mono.defer(() -> this.mongo.findById(orgId, Workspace.class)
			.filter((workspace) -> workspace.member(email)
				.filter((member) -> member.role().equals(Member.AGENT)
						&& (member.accepted() != accepted || !Objects.equals(member.refusal(), refusal)))
				.isPresent())
			.flatMap((workspace) -> this.workspaces.write(workspace,
					new Change(Update.update("members", decided(workspace, email, accepted, refusal)), List.of()))));
		return ConcurrentChange.retrying(step, "email").then();
	}

	private static List<Member> decided(Workspace workspace, String email, boolean accepted, String refusal) {
		return workspace.members()
			.stream()
			.map((member) -> member.email().equals(email) ? new Member(member.email(), member.role(), accepted,
					member.invitedAt(), refusal, member.invitation()) : member)
			.toList();
	}

}
