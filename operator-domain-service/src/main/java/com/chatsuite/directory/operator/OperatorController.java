package com.chatsuite.directory.operator;

import java.util.StringJoiner;

import com.chatsuite.contracts.api.AddonApiResponse;
import com.chatsuite.directory.Email;
import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.web.Inputs;
import com.chatsuite.directory.web.Tenants;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
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
 * The operator endpoints of the addon admin API, as documented: create, show, and
 * activate or deactivate in the token's addon.
 */
@RestController
@RequestMapping("/admin/operator")
class OperatorController {

	static final String STATUS_CHANGED = "Status Changes Successfully";

	private static final int MAX_NAME_PART = 100;

	private final OperatorService operators;

	private final Tenants tenants;

	OperatorController(OperatorService operators, Tenants tenants) {
		this.operators = operators;
		this.tenants = tenants;
	}

	@PostMapping("/create")
	Mono<AddonApiResponse<CreatedOperator>> create(ServerWebExchange exchange) {
		return this.tenants.of(exchange).flatMap((tenant) -> RequestFields.read(exchange).flatMap((fields) -> {
			Email email = Inputs.email(fields.requiredText("email"), "email");
			return this.operators.create(tenant, email, displayName(email, fields))
				.map((operator) -> CreatedOperator.of(operator, tenant));
		})).map(AddonApiResponse::ok);
	}

	@GetMapping("/{operatorId}")
	Mono<AddonApiResponse<OperatorInfo>> find(@PathVariable String operatorId, ServerWebExchange exchange) {
		return this.tenants.of(exchange)
			.flatMap((tenant) -> this.operators.find(tenant, operatorId)
				.map((found) -> new OperatorInfo(found.operator().id(), found.operator().name(),
						found.operator().email(), found.presence().code(),
						found.operator().isActiveIn(tenant.addon()))))
			.map(AddonApiResponse::ok);
	}

	@PutMapping("/update/{operatorId}")
	Mono<AddonApiResponse<String>> update(@PathVariable String operatorId, ServerWebExchange exchange) {
		return this.tenants.of(exchange)
			.flatMap((tenant) -> RequestFields.read(exchange)
				.flatMap((fields) -> this.operators.changeStatus(tenant, operatorId, activeFrom(fields))))
			.thenReturn(AddonApiResponse.ok(STATUS_CHANGED));
	}

	/** First and last name when given, else the email's local part. */
	private static String displayName(Email email, RequestFields fields) {
		StringJoiner name = new StringJoiner(" ");
		for (String field : new String[] { "first_name", "last_name" }) {
			String part = fields.optionalText(field);
			if (part != null && part.length() > MAX_NAME_PART) {
				throw ApiException.badRequest(field, field + " must have at most " + MAX_NAME_PART + " characters");
			}
			if (part != null) {
				name.add(part);
			}
		}
		return (name.length() > 0) ? name.toString() : email.localPart();
	}

	private static boolean activeFrom(RequestFields fields) {
		Integer status = fields.optionalInteger("status");
		if (status == null) {
			throw ApiException.badRequest("status", "status is required: 1 (active) or 0 (inactive)");
		}
		if (status != 0 && status != 1) {
			throw ApiException.badRequest("status", "status must be 1 (active) or 0 (inactive), not " + status);
		}
		return status == 1;
	}

	/**
	 * The answer to creating an operator.
	 *
	 * @param id the operator id
	 * @param name the display name
	 * @param email the email
	 * @param addon the addon it was created in
	 */
	record CreatedOperator(String id, String name, String email, @JsonProperty("addon_unique_name") String addon) {

		static CreatedOperator of(Operator operator, Tenant tenant) {
			return new CreatedOperator(operator.id(), operator.name(), operator.email(), tenant.addon());
		}

	}

	/**
	 * An operator as shown to its organisation.
	 *
	 * @param id the operator id
	 * @param name the display name
	 * @param email the email
	 * @param status presence: 0 offline, 1 online, 2 away, 3 busy
	 * @param operator whether the person is an active operator of the token's addon
	 */
	record OperatorInfo(@JsonProperty("_id") String id, String name, String email, int status, boolean operator) {
	}

}
