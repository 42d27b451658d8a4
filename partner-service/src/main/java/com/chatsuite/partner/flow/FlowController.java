package com.chatsuite.partner.flow;

import java.util.List;

import com.chatsuite.contracts.api.PartnerApiResponse;
import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.partner.web.Partners;
import com.chatsuite.partner.workspace.Workspaces;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /partner/workspace/{id}/list-flows}: the workspace's chat channels, its
 * organisation's domains.
 */
@RestController
class FlowController {

	private final Workspaces workspaces;

	private final Partners partners;

	private final ReactiveMongoTemplate mongo;

	FlowController(Workspaces workspaces, Partners partners, ReactiveMongoTemplate mongo) {
		this.workspaces = workspaces;
		this.partners = partners;
		this.mongo = mongo;
	}

	@GetMapping("/partner/workspace/{workspaceId}/list-flows")
	Mono<PartnerApiResponse<List<FlowView>>> flows(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_READ)
			.flatMap((partner) -> this.workspaces.require(partner, workspaceId))
			.flatMap((workspace) -> this.mongo
				.find(Query.query(Criteria.where("orgId").is(workspace.id())).with(Sort.by("name")), Flow.class)
				.map(FlowView::of)
				.collectList())
			.map(PartnerApiResponse::ok);
	}

	/**
	 * A chat channel.
	 *
	 * @param id the domain id
	 * @param name the domain name
	 * @param addon the addon
	 * @param active whether the domain is active
	 * @param visible whether its widget shows (the widget visibility check's answer)
	 * @param reason why the widget does not show; {@code null} when it does
	 */
	record FlowView(String id, String name, String addon, boolean active, boolean visible, String reason) {

		/** Before operator-domain-service has said anything about a domain's widget. */
		static final String UNKNOWN = "not known yet";

		static FlowView of(Flow flow) {
			boolean visible = Boolean.TRUE.equals(flow.visible());
			String reason = (flow.visible() == null) ? UNKNOWN : (visible ? null : flow.hiddenBecause());
			return new FlowView(flow.id(), flow.name(), flow.addon(), flow.active(), visible, reason);
		}

	}

}
