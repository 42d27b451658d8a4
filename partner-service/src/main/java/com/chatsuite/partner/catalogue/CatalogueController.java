package com.chatsuite.partner.catalogue;

import java.util.List;

import com.chatsuite.contracts.api.PartnerApiResponse;
import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.partner.PartnerProperties.Addon;
import com.chatsuite.partner.PartnerProperties.Plan;
import com.chatsuite.partner.PartnerProperties.Template;
import com.chatsuite.partner.web.Partners;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /partner/plans}, {@code /partner/addons}, {@code /partner/templates}: what a
 * partner can put in its workspaces.
 */
@RestController
@RequestMapping("/partner")
class CatalogueController {

	private final Catalogue catalogue;

	private final Partners partners;

	CatalogueController(Catalogue catalogue, Partners partners) {
		this.catalogue = catalogue;
		this.partners = partners;
	}

	@GetMapping("/plans")
	Mono<PartnerApiResponse<List<PlanView>>> plans(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_READ)
			.map((partner) -> PartnerApiResponse.ok(this.catalogue.plans().stream().map(PlanView::of).toList()));
	}

	@GetMapping("/addons")
	Mono<PartnerApiResponse<List<Addon>>> addons(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_READ)
			.map((partner) -> PartnerApiResponse.ok(this.catalogue.addons()));
	}

	@GetMapping("/templates")
	Mono<PartnerApiResponse<List<Template>>> templates(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_READ)
			.map((partner) -> PartnerApiResponse.ok(this.catalogue.templates()));
	}

	/**
	 * A plan as partners see it.
	 *
	 * @param id the plan id
	 * @param name its name
	 * @param price price in points per period
	 * @param periodDays the period in days
	 * @param addons the included addons
	 * @param limits what a workspace on it may have
	 */
	record PlanView(String id, String name, long price, @JsonProperty("period_days") long periodDays,
			List<String> addons, Limits limits) {

		static PlanView of(Plan plan) {
			return new PlanView(plan.id(), plan.name(), plan.price(), plan.period().toDays(), plan.addons(),
					new Limits(plan.maxOperators(), plan.maxDomains()));
		}

	}

	/**
	 * A plan's limits.
	 *
	 * @param operators the most operators
	 * @param domains the most domains
	 */
	record Limits(int operators, int domains) {
	}

}
