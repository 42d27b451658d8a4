package com.chatsuite.partner.renewal;

import java.time.Duration;
import java.time.Instant;

import com.chatsuite.contracts.events.partner.AutoRenewFailed;
import com.chatsuite.contracts.events.partner.WorkspacePaused;
import com.chatsuite.partner.PartnerProperties;
import com.chatsuite.partner.PartnerProperties.Plan;
import com.chatsuite.partner.catalogue.Catalogue;
import com.chatsuite.partner.points.Points;
import com.chatsuite.partner.workspace.Change;
import com.chatsuite.partner.workspace.Workspace;
import com.chatsuite.partner.workspace.WorkspaceStatus;
import com.chatsuite.partner.workspace.Workspaces;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.web.ApiException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Renews the plans of auto-renewing workspaces whose period ended (from the stored
 * {@code periodEndsAt}): the plan's price is deducted from the points under an entry id
 * of that period, so it is paid once however many replicas try, then the next period
 * starts through a write conditional on the period still being the old one. A workspace
 * without enough points is paused with the reason, and its partner is told
 * ({@code partner.workspace.auto-renew-failed}).
 */
@Component
public class AutoRenewal implements DisposableBean {

	private static final Log logger = LogFactory.getLog(AutoRenewal.class);

	private final ReactiveMongoTemplate mongo;

	private final Workspaces workspaces;

	private final Points points;

	private final Catalogue catalogue;

	private final PartnerProperties properties;

	private volatile Disposable rounds;

	AutoRenewal(ReactiveMongoTemplate mongo, Workspaces workspaces, Points points, Catalogue catalogue,
			PartnerProperties properties) {
		this.mongo = mongo;
		this.workspaces = workspaces;
		this.points = points;
		this.catalogue = catalogue;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.rounds = rounds(this.properties.renewal().interval(), Schedulers.parallel()).subscribe();
	}

	/**
	 * A round of renewals every interval, for ever; a failed round is logged and the next
	 * one runs.
	 * @param interval the pause between rounds
	 * @param scheduler the scheduler timing them (a virtual one in tests)
	 * @return the number of workspaces each round renewed or paused
	 */
	public Flux<Long> rounds(Duration interval, Scheduler scheduler) {
		return Flux.interval(interval, scheduler).concatMap((tick) -> renewDue().onErrorResume((ex) -> {
			logger.warn("Renewal round failed: " + ex.getMessage());
			return Mono.just(0L);
		}));
	}

	/**
	 * Renews or pauses every auto-renewing workspace whose period has ended.
	 * @return how many were renewed or paused
	 */
	public Mono<Long> renewDue() {
		Instant now = this.workspaces.now();
		Query due = Query.query(Criteria.where("status")
			.is(WorkspaceStatus.ACTIVE)
			.and("autoRenew")
			.is(true)
			.and("periodEndsAt")
			.lte(now));
		// One workspace that cannot be renewed (its plan gone from the catalogue, say)
		// must not stop the round for the others.
		return this.mongo.find(due, Workspace.class)
			.concatMap((workspace) -> Mono.defer(() -> renew(workspace))
				.onErrorResume(ConcurrentChange.class, (ex) -> Mono.empty())
				.onErrorResume((ex) -> {
					logger.warn("Could not renew workspace " + workspace.id() + ": " + ex.getMessage());
					return Mono.empty();
				}))
			.count();
	}

	private Mono<Workspace> renew(Workspace workspace) {
		Plan plan = this.catalogue.plan(workspace.plan(), "plan");
		String entryId = "renewal:" + workspace.id() + ":" + workspace.periodEndsAt().toEpochMilli();
		String reason = "auto-renewal of plan " + plan.id() + " for the period from " + workspace.periodEndsAt();
		return this.points.change(workspace.id(), workspace.partnerId(), -plan.price(), reason, entryId)
			.flatMap((ledger) -> nextPeriod(workspace, plan))
			// Refused: paused only when the points are short. A deduction that lost its
			// retries to other changes of the balance is tried again next round.
			.onErrorResume(ApiException.class, (ex) -> this.points.ledgerBalance(workspace.id())
				.flatMap((balance) -> (balance < plan.price()) ? pause(workspace, plan, balance) : Mono.empty()));
	}

	private Mono<Workspace> nextPeriod(Workspace workspace, Plan plan) {
		Update update = Update.update("periodEndsAt", workspace.periodEndsAt().plus(plan.period()));
		return this.workspaces.write(workspace, new Change(update, java.util.List.of()));
	}

	private Mono<Workspace> pause(Workspace workspace, Plan plan, long balance) {
		Instant now = this.workspaces.now();
		String reason = "auto-renewal failed: plan " + plan.id() + " costs " + plan.price() + " points, the balance is "
				+ balance;
		return this.workspaces.write(workspace,
				Change.of(Update.update("status", WorkspaceStatus.PAUSED).set("pausedReason", reason),
						new WorkspacePaused(workspace.id(), workspace.partnerId(), reason, now), new AutoRenewFailed(
								workspace.id(), workspace.partnerId(), plan.id(), plan.price(), balance, reason, now)));
	}

	@Override
	public void destroy() {
		Disposable running = this.rounds;
		if (running != null) {
			running.dispose();
		}
	}

}
