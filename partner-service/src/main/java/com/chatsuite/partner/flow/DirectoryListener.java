package com.chatsuite.partner.flow;

import java.util.List;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.DomainUpdated;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.partner.workspace.Change;
import com.chatsuite.partner.workspace.Member;
import com.chatsuite.partner.workspace.Workspace;
import com.chatsuite.partner.workspace.Workspaces;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.events.EventInbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What partner-service learns from {@code directory.operators}, once per event: the
 * domains of workspaces' organisations (their flows), and agent members who became
 * operators of their workspace's organisation (accepted).
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
		this.inbox.handle("flows", record, this::apply);
	}

	Mono<Void> apply(CloudEvent<?> event) {
		if (event.data() instanceof DomainCreated created) {
			return save(new Flow(created.domainId(), event.orgid(), created.name(), created.addon(), created.active()));
		}
		if (event.data() instanceof DomainUpdated updated) {
			return save(new Flow(updated.domainId(), event.orgid(), updated.name(), updated.addon(), updated.active()));
		}
		if (event.data() instanceof OperatorCreated operator) {
			return accept(event.orgid(), operator.email());
		}
		return Mono.empty();
	}

	private Mono<Void> save(Flow flow) {
		return this.mongo.save(flow).then();
	}

	/** An agent member of the workspace whose organisation this is has joined it. */
	private Mono<Void> accept(String orgId, String email) {
		Mono<Workspace> step = Mono.defer(() -> this.mongo.findById(orgId, Workspace.class)
			.filter((workspace) -> workspace.member(email)
				.filter((member) -> member.role().equals("agent") && !member.accepted())
				.isPresent())
			.flatMap((workspace) -> this.workspaces.write(workspace,
					new Change(Update.update("members", accepted(workspace, email)), List.of()))));
		return ConcurrentChange.retrying(step, "email").then();
	}

	private static List<Member> accepted(Workspace workspace, String email) {
		return workspace.members()
			.stream()
			.map((member) -> member.email().equals(email)
					? new Member(member.email(), member.role(), true, member.invitedAt()) : member)
			.toList();
	}

}
