package com.chatsuite.directory.assignment;

import com.chatsuite.contracts.api.AddonApiResponse;
import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.domain.Assignment;
import com.chatsuite.directory.domain.Domains;
import com.chatsuite.directory.operator.Operator;
import com.chatsuite.directory.web.Tenants;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The assignment endpoints of the addon admin API, as documented: assign an operator to a
 * domain, and change that assignment. {@code unique_id} and {@code status} belong to the
 * seller-buyer addon only and are refused elsewhere.
 */
@RestController
@RequestMapping("/admin/operator/assign")
class AssignmentController {

	private static final int MAX_UNIQUE_ID = 200;

	private final AssignmentService assignments;

	private final Tenants tenants;

	AssignmentController(AssignmentService assignments, Tenants tenants) {
		this.assignments = assignments;
		this.tenants = tenants;
	}

	@PostMapping
	Mono<AddonApiResponse<AssignResult>> assign(ServerWebExchange exchange) {
		return this.tenants.of(exchange)
			.flatMap((tenant) -> RequestFields.read(exchange)
				.flatMap((fields) -> this.assignments
					.assign(tenant, Domains.name(fields.requiredText("domain_name"), "domain_name"),
							fields.requiredText("operator_id"), fields.optionalBoolean("is_admin"),
							uniqueId(tenant, fields))
					.map((assigned) -> new AssignResult(assignee(tenant, assigned.operator(), assigned.assignment())))))
			.map(AddonApiResponse::ok);
	}

	@PutMapping("/{operatorId}")
	Mono<AddonApiResponse<UpdateResult>> update(@PathVariable String operatorId, ServerWebExchange exchange) {
		return this.tenants.of(exchange)
			.flatMap((tenant) -> RequestFields.read(exchange)
				.flatMap((fields) -> this.assignments
					.update(tenant, Domains.name(fields.requiredText("domain_name"), "domain_name"), operatorId,
							changes(tenant, fields))
					.map((assigned) -> new UpdateResult(tenant.addon(), assigned.domain().name(),
							assignment(tenant, assigned.assignment())))))
			.map(AddonApiResponse::ok);
	}

	private static AssignmentChanges changes(Tenant tenant, RequestFields fields) {
		AssignmentChanges changes = new AssignmentChanges(fields.optionalBoolean("is_admin"),
				fields.optionalBoolean("online_status"), sellerBuyerStatus(tenant, fields), uniqueId(tenant, fields));
		if (changes.isEmpty()) {
			throw ApiException.badRequest(null, "give at least one field to update: is_admin, online_status"
					+ (tenant.isSellerBuyer() ? ", status or unique_id" : ""));
		}
		return changes;
	}

	private static String uniqueId(Tenant tenant, RequestFields fields) {
		String uniqueId = fields.optionalText("unique_id");
		if (uniqueId != null) {
			requireSellerBuyer(tenant, "unique_id");
			if (uniqueId.length() > MAX_UNIQUE_ID) {
				throw ApiException.badRequest("unique_id",
						"unique_id must have at most " + MAX_UNIQUE_ID + " characters");
			}
		}
		return uniqueId;
	}

	private static Boolean sellerBuyerStatus(Tenant tenant, RequestFields fields) {
		Boolean status = fields.optionalBoolean("status");
		if (status != null) {
			requireSellerBuyer(tenant, "status");
		}
		return status;
	}

	private static void requireSellerBuyer(Tenant tenant, String field) {
		if (!tenant.isSellerBuyer()) {
			throw ApiException.badRequest(field,
					field + " applies only to addon '" + Tenant.SELLER_BUYER + "', not to '" + tenant.addon() + "'");
		}
	}

	private static Object assignee(Tenant tenant, Operator operator, Assignment assignment) {
		if (tenant.isSellerBuyer()) {
			return new SellerBuyerAssignee(operator.name(), operator.email(), operator.id(), assignment.uniqueId(),
					assignment.admin());
		}
		return new Assignee(operator.name(), operator.email(), operator.id(), assignment.admin());
	}

	private static Object assignment(Tenant tenant, Assignment assignment) {
		if (tenant.isSellerBuyer()) {
			return new SellerBuyerAssignmentState(assignment.onlineStatus(), assignment.uniqueId(), assignment.admin(),
					assignment.enabled());
		}
		return new AssignmentState(assignment.onlineStatus(), assignment.admin(), assignment.enabled());
	}

	/**
	 * The answer to assigning an operator.
	 *
	 * @param operators the assigned operator ({@link Assignee} or
	 * {@link SellerBuyerAssignee})
	 */
	record AssignResult(Object operators) {
	}

	/**
	 * An assigned operator.
	 *
	 * @param name its name
	 * @param email its email
	 * @param userId its id
	 * @param isAdmin whether it administers the domain
	 */
	record Assignee(String name, String email, String userId, @JsonProperty("is_admin") boolean isAdmin) {
	}

	/**
	 * An assigned operator in the seller-buyer addon.
	 *
	 * @param name its name
	 * @param email its email
	 * @param userId its id
	 * @param uniqueId the seller's product page, {@code null} when none
	 * @param isAdmin whether it administers the domain
	 */
	record SellerBuyerAssignee(String name, String email, String userId, @JsonProperty("unique_id") String uniqueId,
			@JsonProperty("is_admin") boolean isAdmin) {
	}

	/**
	 * The answer to changing an assignment.
	 *
	 * @param addon the addon
	 * @param domainName the domain
	 * @param operators the assignment ({@link AssignmentState} or
	 * {@link SellerBuyerAssignmentState})
	 */
	record UpdateResult(@JsonProperty("addon_unique_name") String addon, @JsonProperty("domain_name") String domainName,
			Object operators) {
	}

	/**
	 * An assignment after a change.
	 *
	 * @param onlineStatus whether the operator shows as available on the domain
	 * @param isAdmin whether it administers the domain
	 * @param status whether the operator gets the domain's messages (the reference
	 * document lists it in every answer; only seller-buyer requests may change it)
	 */
	record AssignmentState(@JsonProperty("online_status") boolean onlineStatus,
			@JsonProperty("is_admin") boolean isAdmin, boolean status) {
	}

	/**
	 * An assignment after a change, in the seller-buyer addon.
	 *
	 * @param onlineStatus whether the operator shows as available on the domain
	 * @param uniqueId the seller's product page, {@code null} when none
	 * @param isAdmin whether it administers the domain
	 * @param status whether the operator receives the domain's messages
	 */
	record SellerBuyerAssignmentState(@JsonProperty("online_status") boolean onlineStatus,
			@JsonProperty("unique_id") String uniqueId, @JsonProperty("is_admin") boolean isAdmin, boolean status) {
	}

}
