package com.chatsuite.partner.points;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.chatsuite.contracts.api.PartnerApiResponse;
import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.partner.web.IdempotentOperation;
import com.chatsuite.partner.web.Partners;
import com.chatsuite.partner.workspace.Workspaces;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code topup-points}, {@code deduct-points} ({@code points}, {@code reason}) and the
 * ledger at {@code GET /partner/workspace/{id}/points}.
 */
@RestController
@RequestMapping("/partner/workspace/{workspaceId}")
class PointsController {

	private static final long MAX_POINTS = 1_000_000_000L;

	private static final int MAX_REASON = 200;

	private final Points points;

	private final Workspaces workspaces;

	private final Partners partners;

	PointsController(Points points, Workspaces workspaces, Partners partners) {
		this.points = points;
		this.workspaces = workspaces;
		this.partners = partners;
	}

	@PostMapping("/topup-points")
	Mono<PartnerApiResponse<LedgerView>> topUp(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return change(workspaceId, exchange, 1);
	}

	@PostMapping("/deduct-points")
	Mono<PartnerApiResponse<LedgerView>> deduct(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return change(workspaceId, exchange, -1);
	}

	@GetMapping("/points")
	Mono<PartnerApiResponse<LedgerView>> ledger(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_READ)
			.flatMap((partner) -> this.workspaces.require(partner, workspaceId))
			.flatMap((workspace) -> this.points.ledger(workspace.id(), workspace.partnerId()))
			.map((ledger) -> PartnerApiResponse.ok(LedgerView.of(ledger)));
	}

	private Mono<PartnerApiResponse<LedgerView>> change(String workspaceId, ServerWebExchange exchange, int sign) {
		return this.partners.require(exchange, PartnerPermission.POINTS_WRITE)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> {
				long amount = amount(both.getT2());
				String reason = reason(both.getT2());
				// A keyed request's entry is its operation: a retry of a change whose
				// answer was lost finds it made and does not make it again.
				String entryId = IdempotentOperation.of(exchange).orElseGet(() -> UUID.randomUUID().toString());
				return this.workspaces.requireActive(both.getT1(), workspaceId)
					.flatMap((workspace) -> this.points.change(workspace.id(), workspace.partnerId(), sign * amount,
							reason, entryId));
			})
			.map((ledger) -> PartnerApiResponse.ok(LedgerView.of(ledger)));
	}

	private static long amount(RequestFields fields) {
		Long points = fields.optionalLong("points");
		if (points == null) {
			throw ApiException.badRequest("points", "points is required");
		}
		if (points < 1 || points > MAX_POINTS) {
			throw ApiException.badRequest("points", "points must be between 1 and " + MAX_POINTS);
		}
		return points;
	}

	private static String reason(RequestFields fields) {
		String reason = fields.requiredText("reason");
		if (reason.length() > MAX_REASON) {
			throw ApiException.badRequest("reason", "reason must have at most " + MAX_REASON + " characters");
		}
		return reason;
	}

	/**
	 * A workspace's points.
	 *
	 * @param id the workspace id
	 * @param balance the balance
	 * @param entries the ledger, newest first
	 */
	record LedgerView(String id, long balance, List<EntryView> entries) {

		static LedgerView of(PointsLedger ledger) {
			List<EntryView> entries = new ArrayList<>(ledger.entries().stream().map(EntryView::of).toList());
			Collections.reverse(entries);
			return new LedgerView(ledger.id(), ledger.balance(), entries);
		}

	}

	/**
	 * One ledger entry.
	 *
	 * @param id the entry id
	 * @param points points added (positive) or deducted (negative)
	 * @param balance the balance after it
	 * @param reason why
	 * @param at when
	 */
	record EntryView(String id, long points, long balance, String reason, Instant at) {

		static EntryView of(PointsLedger.Entry entry) {
			return new EntryView(entry.id(), entry.delta(), entry.balance(), entry.reason(), entry.at());
		}

	}

}
