package com.chatsuite.directory.domain;

import com.chatsuite.contracts.api.AddonApiResponse;
import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.web.Inputs;
import com.chatsuite.directory.web.Tenants;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The domain endpoints of the addon admin API, as documented: register, show and change a
 * domain of the token's organisation and addon.
 */
@RestController
@RequestMapping("/admin/domain")
class DomainController {

	private final DomainService domains;

	private final WidgetLink links;

	private final Tenants tenants;

	DomainController(DomainService domains, WidgetLink links, Tenants tenants) {
		this.domains = domains;
		this.links = links;
		this.tenants = tenants;
	}

	@PostMapping("/create")
	Mono<AddonApiResponse<CreatedDomain>> create(ServerWebExchange exchange) {
		return this.tenants.of(exchange)
			.flatMap((tenant) -> RequestFields.read(exchange)
				.flatMap((fields) -> this.domains
					.create(tenant, Domains.name(fields.requiredText("domain_name"), "domain_name"),
							Inputs.email(fields.requiredText("email"), "email"))
					.map((domain) -> new CreatedDomain(domain.name(), domain.email(), domain.active(), tenant.addon(),
							this.links.forDomain(tenant, domain)))))
			.map(AddonApiResponse::ok);
	}

	@GetMapping("/{domainName}")
	Mono<AddonApiResponse<DomainInfo>> find(@PathVariable String domainName, ServerWebExchange exchange) {
		return this.tenants.of(exchange)
			.flatMap((tenant) -> this.domains.find(tenant, Domains.name(domainName, "domain_name")))
			.map((domain) -> AddonApiResponse.ok(new DomainInfo(domain.name(), domain.email(), domain.active())));
	}

	@PutMapping("/update/{domainName}")
	Mono<AddonApiResponse<UpdatedDomain>> update(@PathVariable String domainName, ServerWebExchange exchange) {
		return this.tenants.of(exchange)
			.flatMap((tenant) -> RequestFields.read(exchange)
				.flatMap((fields) -> this.domains.update(tenant, Domains.name(domainName, "domain_name"),
						changes(fields))))
			.map((domain) -> AddonApiResponse.ok(new UpdatedDomain(domain.name(), domain.active(), domain.email())));
	}

	private static DomainChanges changes(RequestFields fields) {
		String name = fields.optionalText("name");
		String email = fields.optionalText("email");
		DomainChanges changes = new DomainChanges((name != null) ? Domains.name(name, "name") : null,
				fields.optionalBoolean("status"), (email != null) ? Inputs.email(email, "email") : null);
		if (changes.isEmpty()) {
			throw ApiException.badRequest(null, "give at least one field to update: name, status or email");
		}
		return changes;
	}

	/**
	 * The answer to registering a domain.
	 *
	 * @param name the name
	 * @param email the contact email
	 * @param status whether it is active
	 * @param addon the addon it was registered in
	 * @param link the widget embed snippet, seller-buyer addon only
	 */
	record CreatedDomain(String name, String email, boolean status, @JsonProperty("addon_unique_name") String addon,
			@JsonInclude(JsonInclude.Include.NON_NULL) String link) {
	}

	/**
	 * A domain as shown to its organisation.
	 *
	 * @param name the name
	 * @param email the contact email
	 * @param status whether it is active
	 */
	record DomainInfo(String name, String email, boolean status) {
	}

	/**
	 * A domain after an update, fields in the documented order.
	 *
	 * @param name the name
	 * @param status whether it is active
	 * @param email the contact email
	 */
	record UpdatedDomain(String name, boolean status, String email) {
	}

}
