package com.chatsuite.partner.workspace;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.chatsuite.contracts.api.PartnerApiResponse;
import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.partner.catalogue.Catalogue;
import com.chatsuite.partner.web.IdempotentOperation;
import com.chatsuite.partner.web.Page;
import com.chatsuite.partner.web.Partner;
import com.chatsuite.partner.web.Partners;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The partner API's clients and workspaces (reference document 002): listing, creating,
 * reading and deleting workspaces, and changing their plan, addons, renewal, billing
 * information, templates and status.
 */
@RestController
@RequestMapping("/partner")
class WorkspaceController {

	private static final int MAX_BILLING_FIELDS = WorkspaceService.MAX_BILLING_FIELDS;

	private static final int MAX_BILLING_VALUE = 500;

	private final WorkspaceService service;

	private final Workspaces workspaces;

	private final Catalogue catalogue;

	private final Partners partners;

	WorkspaceController(WorkspaceService service, Workspaces workspaces, Catalogue catalogue, Partners partners) {
		this.service = service;
		this.workspaces = workspaces;
		this.catalogue = catalogue;
		this.partners = partners;
	}

	@GetMapping("/clients")
	Mono<PartnerApiResponse<Page<ClientView>>> clients(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.CLIENTS_READ)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> this.service.clients(both.getT1(), Page.requested(both.getT2()),
					both.getT2().optionalText("email")))
			.map((page) -> PartnerApiResponse.ok(page.map(ClientView::of)));
	}

	@GetMapping("/workspaces")
	Mono<PartnerApiResponse<Page<WorkspaceView>>> list(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_READ)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> this.service.list(both.getT1(), Page.requested(both.getT2()),
					both.getT2().optionalText("client_id"), status(both.getT2().optionalText("status"))))
			.map((page) -> PartnerApiResponse.ok(page.map(WorkspaceView::of)));
	}

	/**
	 * A new workspace's id: a keyed request's operation, the same for its retries.
	 */
	private static String newId(ServerWebExchange exchange) {
		return IdempotentOperation.of(exchange).orElseGet(() -> UUID.randomUUID().toString());
	}

	@PostMapping("/workspace/create")
	Mono<ResponseEntity<PartnerApiResponse<CreatedView>>> create(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_WRITE)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> {
				RequestFields fields = both.getT2();
				RequestFields client = fields.object("client");
				WorkspaceService.NewClient newClient = new WorkspaceService.NewClient(
						email(client.requiredText("email"), "client.email"), required(client, "name", "client.name"),
						client.optionalText("password"));
				return this.service.createWithClient(both.getT1(), newWorkspace(fields), newClient, newId(exchange));
			})
			.map(WorkspaceController::created);
	}

	@PostMapping("/workspace/create-for-existing-user")
	Mono<ResponseEntity<PartnerApiResponse<CreatedView>>> createForExistingUser(ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_WRITE)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> this.service.createForClient(both.getT1(), newWorkspace(both.getT2()),
					email(both.getT2().requiredText("client_email"), "client_email"), newId(exchange)))
			.map(WorkspaceController::created);
	}

	@GetMapping("/workspace/{workspaceId}")
	Mono<PartnerApiResponse<WorkspaceView>> find(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_READ)
			.flatMap((partner) -> this.workspaces.require(partner, workspaceId))
			.map(WorkspaceController::ok);
	}

	@DeleteMapping("/workspace/{workspaceId}")
	Mono<PartnerApiResponse<WorkspaceView>> delete(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_WRITE)
			.flatMap((partner) -> this.service.delete(partner, workspaceId))
			.map(WorkspaceController::ok);
	}

	@PostMapping("/workspace/{workspaceId}/update-extra-billing-information")
	Mono<PartnerApiResponse<WorkspaceView>> updateBilling(@PathVariable String workspaceId,
			ServerWebExchange exchange) {
		return withFields(exchange, PartnerPermission.BILLING_WRITE,
				(partner, fields) -> this.service.updateBilling(partner, workspaceId, billing(fields)));
	}

	@PostMapping("/workspace/{workspaceId}/change-plan")
	Mono<PartnerApiResponse<WorkspaceView>> changePlan(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return withFields(exchange, PartnerPermission.BILLING_WRITE, (partner, fields) -> this.service
			.changePlan(partner, workspaceId, this.catalogue.plan(fields.requiredText("plan"), "plan")));
	}

	@PostMapping("/workspace/{workspaceId}/add-addon")
	Mono<PartnerApiResponse<WorkspaceView>> addAddon(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return withFields(exchange, PartnerPermission.BILLING_WRITE, (partner, fields) -> this.service.addAddon(partner,
				workspaceId, this.catalogue.addon(fields.requiredText("addon"), "addon").id()));
	}

	@PostMapping("/workspace/{workspaceId}/remove-addon")
	Mono<PartnerApiResponse<WorkspaceView>> removeAddon(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return withFields(exchange, PartnerPermission.BILLING_WRITE, (partner, fields) -> this.service
			.removeAddon(partner, workspaceId, this.catalogue.addon(fields.requiredText("addon"), "addon").id()));
	}

	@PostMapping("/workspace/{workspaceId}/enable-auto-renew")
	Mono<PartnerApiResponse<WorkspaceView>> enableAutoRenew(@PathVariable String workspaceId,
			ServerWebExchange exchange) {
		return withFields(exchange, PartnerPermission.BILLING_WRITE,
				(partner, fields) -> this.service.autoRenew(partner, workspaceId, true));
	}

	@PostMapping("/workspace/{workspaceId}/disable-auto-renew")
	Mono<PartnerApiResponse<WorkspaceView>> disableAutoRenew(@PathVariable String workspaceId,
			ServerWebExchange exchange) {
		return withFields(exchange, PartnerPermission.BILLING_WRITE,
				(partner, fields) -> this.service.autoRenew(partner, workspaceId, false));
	}

	@PostMapping("/workspace/{workspaceId}/pause")
	Mono<PartnerApiResponse<WorkspaceView>> pause(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return withFields(exchange, PartnerPermission.WORKSPACES_WRITE,
				(partner, fields) -> this.service.pause(partner, workspaceId, reason(fields)));
	}

	@PostMapping("/workspace/{workspaceId}/active")
	Mono<PartnerApiResponse<WorkspaceView>> activate(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return withFields(exchange, PartnerPermission.WORKSPACES_WRITE,
				(partner, fields) -> this.service.activate(partner, workspaceId));
	}

	@PostMapping("/workspace/{workspaceId}/install-template")
	Mono<PartnerApiResponse<WorkspaceView>> installTemplate(@PathVariable String workspaceId,
			ServerWebExchange exchange) {
		return withFields(exchange, PartnerPermission.TEMPLATES_WRITE,
				(partner, fields) -> this.service.installTemplate(partner, workspaceId,
						this.catalogue.template(fields.requiredText("template"), "template").id()));
	}

	private Mono<PartnerApiResponse<WorkspaceView>> withFields(ServerWebExchange exchange, PartnerPermission permission,
			java.util.function.BiFunction<Partner, RequestFields, Mono<Workspace>> change) {
		return this.partners.require(exchange, permission)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> change.apply(both.getT1(), both.getT2()))
			.map(WorkspaceController::ok);
	}

	private WorkspaceService.NewWorkspace newWorkspace(RequestFields fields) {
		return new WorkspaceService.NewWorkspace(fields.requiredText("name"),
				fields.requiredText("sub_domain").toLowerCase(Locale.ROOT),
				this.catalogue.plan(fields.requiredText("plan"), "plan"));
	}

	private static String required(RequestFields fields, String name, String field) {
		String value = fields.optionalText(name);
		if (value == null) {
			throw ApiException.badRequest(field, field + " is required");
		}
		return value;
	}

	private static String email(String raw, String field) {
		String email = raw.toLowerCase(Locale.ROOT);
		if (!WorkspaceService.EMAIL.matcher(email).matches()) {
			throw ApiException.badRequest(field, field + " is not a valid email address");
		}
		return email;
	}

	private static String reason(RequestFields fields) {
		String reason = fields.optionalText("reason");
		if (reason != null && reason.length() > MAX_BILLING_VALUE) {
			throw ApiException.badRequest("reason", "reason must have at most " + MAX_BILLING_VALUE + " characters");
		}
		return reason;
	}

	private static Map<String, String> billing(RequestFields fields) {
		Map<String, String> billing = new LinkedHashMap<>();
		fields.asMap().keySet().forEach((name) -> {
			String value = fields.optionalText(name);
			if (value != null && value.length() > MAX_BILLING_VALUE) {
				throw ApiException.badRequest(name, name + " must have at most " + MAX_BILLING_VALUE + " characters");
			}
			if (name.isBlank() || name.length() > 64 || name.contains(".") || name.startsWith("$")) {
				throw ApiException.badRequest(name,
						"billing field names have 1 to 64 characters, no '.' or leading '$'");
			}
			billing.put(name, (value != null) ? value : "");
		});
		if (billing.isEmpty()) {
			throw ApiException.badRequest("request", "give at least one billing field, for example company or tax_id");
		}
		if (billing.size() > MAX_BILLING_FIELDS) {
			throw ApiException.badRequest("request", "at most " + MAX_BILLING_FIELDS + " billing fields");
		}
		return billing;
	}

	private static WorkspaceStatus status(String status) {
		if (status == null) {
			return null;
		}
		return switch (status) {
			case "active" -> WorkspaceStatus.ACTIVE;
			case "paused" -> WorkspaceStatus.PAUSED;
			default -> throw ApiException.badRequest("status", "status must be active or paused");
		};
	}

	private static PartnerApiResponse<WorkspaceView> ok(Workspace workspace) {
		return PartnerApiResponse.ok(WorkspaceView.of(workspace));
	}

	private static ResponseEntity<PartnerApiResponse<CreatedView>> created(WorkspaceService.Created created) {
		WorkspaceView workspace = WorkspaceView.of(created.workspace());
		ClientView client = ClientView.of(created.client()).withPassword(created.generatedPassword());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(PartnerApiResponse.ok(new CreatedView(workspace.id(), workspace, client)));
	}

	/**
	 * The answer to creating a workspace.
	 *
	 * @param id the workspace id
	 * @param workspace the workspace
	 * @param client its client, with the password when it was generated (shown only now)
	 */
	record CreatedView(String id, WorkspaceView workspace, ClientView client) {
	}

	/**
	 * A client as its partner sees it.
	 *
	 * @param id the client id
	 * @param email the email
	 * @param name the name
	 * @param password the generated password, only in the answer that created it
	 * @param createdAt when the client was created
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ClientView(String id, String email, String name, String password,
			@JsonProperty("created_at") Instant createdAt) {

		static ClientView of(Client client) {
			return new ClientView(client.id(), client.email(), client.name(), null, client.createdAt());
		}

		ClientView withPassword(String generated) {
			return new ClientView(this.id, this.email, this.name, generated, this.createdAt);
		}

	}

}
