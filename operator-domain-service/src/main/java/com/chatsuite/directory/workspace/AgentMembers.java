package com.chatsuite.directory.workspace;

import java.time.Clock;
import java.util.List;

import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.directory.AgentMemberEnlisted;
import com.chatsuite.contracts.events.directory.AgentMemberRefused;
import com.chatsuite.contracts.events.partner.MemberInvited;
import com.chatsuite.contracts.events.partner.MemberRemoved;
import com.chatsuite.directory.Email;
import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.operator.Operator;
import com.chatsuite.directory.operator.OperatorService;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A partner workspace's agent members are operators of its organisation: an invited agent
 * becomes an active operator in every addon of the workspace, within the plan's
 * operators; a removed one is deactivated everywhere. What became of each invitation goes
 * out on {@code directory.operators} (enlisted, or refused with the reason), so the
 * partner's member list shows it. Admin members are no operators.
 */
@Component
class AgentMembers {

	static final String AGENT = "agent";

	private final Workspaces workspaces;

	private final OperatorService operators;

	private final ReactiveMongoTemplate mongo;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final Clock clock;

	AgentMembers(Workspaces workspaces, OperatorService operators, ReactiveMongoTemplate mongo, OutboxWrites writes,
			OutboxEvents events, Clock clock) {
		this.workspaces = workspaces;
		this.operators = operators;
		this.mongo = mongo;
		this.writes = writes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Makes an invited agent member an operator; applying it twice changes nothing more.
	 * @param invited the invitation
	 * @return completes when enlisted or refused
	 */
	Mono<Void> invited(MemberInvited invited) {
		if (!AGENT.equals(invited.role())) {
			return Mono.empty();
		}
		return workspace(invited.workspaceId()).flatMap((workspace) -> enlist(workspace, invited.email()));
	}

	/**
	 * Deactivates a removed agent member in every addon, if the membership made them an
	 * operator.
	 * @param removed the removal
	 * @return completes when done
	 */
	Mono<Void> removed(MemberRemoved removed) {
		return workspace(removed.workspaceId()).flatMap((workspace) -> {
			Mono<Void> dismissed = workspace.agents().contains(removed.email())
					? this.operators.dismiss(workspace.id(), Email.parse(removed.email())) : Mono.empty();
			return dismissed.then(forget(workspace.id(), removed.email()));
		});
	}

	private Mono<WorkspaceState> workspace(String id) {
		// Member events follow their workspace's creation on the same partition.
		return this.workspaces.find(id)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("workspace '" + id + "' is not known here")));
	}

	private Mono<Void> enlist(WorkspaceState workspace, String rawEmail) {
		Email email;
		try {
			email = Email.parse(rawEmail);
		}
		catch (IllegalArgumentException ex) {
			return refuse(workspace, rawEmail, "'" + rawEmail + "' " + ex.getMessage());
		}
		List<String> addons = workspace.addons();
		if (addons.isEmpty()) {
			return refuse(workspace, email.value(), "the workspace has no addon to be an operator in");
		}
		return Flux.fromIterable(addons)
			.concatMap((addon) -> this.operators.enlist(new Tenant(workspace.id(), addon), email, email.localPart()))
			.last()
			.flatMap((operator) -> enlisted(workspace, email, operator))
			.onErrorResume(AgentMembers::isPlanLimit, (ex) -> refuse(workspace, email.value(), ex.getMessage()));
	}

	private Mono<Void> enlisted(WorkspaceState workspace, Email email, Operator operator) {
		return record(workspace.id(), new Update().addToSet("agents", email.value()),
				new AgentMemberEnlisted(email.value(), operator.id(), workspace.addons(), this.clock.instant()));
	}

	private Mono<Void> refuse(WorkspaceState workspace, String email, String reason) {
		return record(workspace.id(), new Update().pull("agents", email),
				new AgentMemberRefused(email, reason, this.clock.instant()));
	}

	private Mono<Void> record(String workspaceId, Update update, EventData event) {
		return this.writes
			.updateIf(WorkspaceState.class, Criteria.where("_id").is(workspaceId), update,
					this.events.of(workspaceId, workspaceId, event))
			.then();
	}

	private Mono<Void> forget(String workspaceId, String email) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(workspaceId)), new Update().pull("agents", email),
					WorkspaceState.class)
			.then();
	}

	private static boolean isPlanLimit(Throwable ex) {
		return ex instanceof ApiException refusal && refusal.status().value() == HttpStatus.FORBIDDEN.value();
	}

}
