package com.chatsuite.partner.workspace;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import com.chatsuite.partner.web.Partner;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds a partner's workspaces and changes them: one version-conditional write per
 * change, with its events, retried when another request changed the workspace in between.
 * A paused workspace refuses every change but activation (409 with the reason).
 */
@Component
public class Workspaces {

	private final ReactiveMongoTemplate mongo;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	private final Clock clock;

	Workspaces(ReactiveMongoTemplate mongo, OutboxWrites writes, OutboxEvents events, Clock clock) {
		this.mongo = mongo;
		this.writes = writes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A workspace of the partner.
	 * @param partner the partner
	 * @param id the workspace id
	 * @return the workspace; 404 when it is another partner's, deleted or unknown
	 */
	public Mono<Workspace> require(Partner partner, String id) {
		return this.mongo.findById(id, Workspace.class)
			.filter((workspace) -> workspace.partnerId().equals(partner.id())
					&& workspace.status() != WorkspaceStatus.DELETED)
			.switchIfEmpty(
					Mono.error(() -> ApiException.notFound("workspaceId", "workspace '" + id + "' does not exist")));
	}

	/**
	 * A workspace of the partner that is not paused.
	 * @param partner the partner
	 * @param id the workspace id
	 * @return the workspace; 404 as {@link #require}, 409 when paused
	 */
	public Mono<Workspace> requireActive(Partner partner, String id) {
		return require(partner, id).doOnNext(Workspaces::refuseIfPaused);
	}

	/**
	 * Changes a workspace that is not paused.
	 * @param partner the partner
	 * @param id the workspace id
	 * @param decide what to change, given the workspace as read
	 * @return the workspace after the change; 404 as {@link #require}, 409 when paused
	 */
	public Mono<Workspace> change(Partner partner, String id, Function<Workspace, Change> decide) {
		return change(partner, id, false, decide);
	}

	/**
	 * Changes a workspace.
	 * @param partner the partner
	 * @param id the workspace id
	 * @param whilePaused whether the change is allowed while the workspace is paused
	 * @param decide what to change, given the workspace as read
	 * @return the workspace after the change
	 */
	public Mono<Workspace> change(Partner partner, String id, boolean whilePaused, Function<Workspace, Change> decide) {
		Mono<Workspace> step = Mono.defer(() -> require(partner, id).flatMap((workspace) -> {
			if (!whilePaused) {
				refuseIfPaused(workspace);
			}
			return write(workspace, decide.apply(workspace));
		}));
		return ConcurrentChange.retrying(step, "workspaceId");
	}

	/**
	 * Writes a change of a workspace read before, unless it changed in the meantime
	 * ({@link ConcurrentChange}).
	 * @param workspace the workspace as read
	 * @param change the change
	 * @return the workspace after the change
	 */
	public Mono<Workspace> write(Workspace workspace, Change change) {
		if (change.update() == null) {
			return Mono.just(workspace);
		}
		List<OutboxEvent> outbox = change.events()
			.stream()
			.map((data) -> this.events.of(workspace.id(), workspace.partnerId(), data))
			.toList();
		return this.writes.update(Workspace.class, workspace.id(), workspace.version(), change.update(), outbox);
	}

	/** The current time, for the events of a change. */
	public java.time.Instant now() {
		return this.clock.instant();
	}

	private static void refuseIfPaused(Workspace workspace) {
		if (workspace.isPaused()) {
			throw ApiException.conflict("workspaceId", "workspace '" + workspace.id() + "' is paused ("
					+ workspace.pausedReason() + "); activate it before changing it");
		}
	}

}
