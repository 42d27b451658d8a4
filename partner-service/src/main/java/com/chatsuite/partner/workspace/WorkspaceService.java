package com.chatsuite.partner.workspace;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.partner.PlanChanged;
import com.chatsuite.contracts.events.partner.WorkspaceActivated;
import com.chatsuite.contracts.events.partner.WorkspaceAddonChanged;
import com.chatsuite.contracts.events.partner.WorkspaceCreated;
import com.chatsuite.contracts.events.partner.WorkspaceDeleted;
import com.chatsuite.contracts.events.partner.WorkspacePaused;
import com.chatsuite.partner.PartnerProperties.Plan;
import com.chatsuite.partner.catalogue.Catalogue;
import com.chatsuite.partner.web.Page;
import com.chatsuite.partner.web.Partner;
import com.chatsuite.support.events.OutboxEvents;
import com.chatsuite.support.events.OutboxWrites;
import com.chatsuite.support.security.Passwords;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Creates a partner's workspaces (with their client), lists them, and changes their plan,
 * addons, renewal, billing information, templates and status.
 */
@Service
class WorkspaceService {

	/** How many billing fields a workspace keeps at most. */
	static final int MAX_BILLING_FIELDS = 20;

	static final Pattern SUB_DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final int MAX_NAME = 100;

	private static final int MIN_PASSWORD = 8;

	private static final String PAUSED_BY_PARTNER = "paused by the partner";

	private final SecureRandom random = new SecureRandom();

	private final ReactiveMongoTemplate mongo;

	private final Workspaces workspaces;

	private final Catalogue catalogue;

	private final Passwords passwords;

	private final OutboxWrites writes;

	private final OutboxEvents events;

	WorkspaceService(ReactiveMongoTemplate mongo, Workspaces workspaces, Catalogue catalogue, Passwords passwords,
			OutboxWrites writes, OutboxEvents events) {
		this.mongo = mongo;
		this.workspaces = workspaces;
		this.catalogue = catalogue;
		this.passwords = passwords;
		this.writes = writes;
		this.events = events;
	}

	/**
	 * Creates a workspace and its new client.
	 * @param partner the partner
	 * @param request the workspace asked for
	 * @param client the new client
	 * @param id the new workspace's id: a keyed request's operation, so that the retry of
	 * a creation whose answer was lost answers the workspace it made
	 * @return the workspace, the client, and the password when it was generated
	 */
	Mono<Created> createWithClient(Partner partner, NewWorkspace request, NewClient client, String id) {
		return made(partner, id).switchIfEmpty(Mono.defer(() -> createWithNewClient(partner, request, client, id)));
	}

	private Mono<Created> createWithNewClient(Partner partner, NewWorkspace request, NewClient client, String id) {
		String password = (client.password() != null) ? client.password() : generatePassword();
		// A taken sub domain is refused before anything is stored; one taken in between
		// takes the new client away again, so a refused request leaves nothing behind.
		return subDomainFree(request).then(this.passwords.hash(password)).flatMap((hash) -> {
			// The client takes the operation's id too: an attempt that stopped between
			// the
			// two inserts left it behind, and its retry takes it over.
			Client stored = new Client(id, partner.id(), client.email(), client.name(), hash, this.workspaces.now());
			return this.mongo.insert(stored)
				.onErrorResume(DuplicateKeyException.class,
						(ex) -> leftBehind(stored).switchIfEmpty(Mono.error(() -> ApiException.conflict("client.email",
								"client '" + client.email()
										+ "' exists already; use workspace/create-for-existing-user"))))
				.flatMap((saved) -> insert(partner, request, saved, id)
					.onErrorResume((ex) -> forgetClient(saved).then(Mono.error(ex))))
				.map((workspace) -> new Created(workspace, stored, (client.password() != null) ? null : password));
		});
	}

	/**
	 * The client an earlier attempt of the same operation stored without its workspace
	 * (it stopped in between), given this attempt's name and password: the earlier
	 * password was never shown, since that attempt answered no success.
	 */
	private Mono<Client> leftBehind(Client client) {
		Query same = Query.query(Criteria.where("_id")
			.is(client.id())
			.and("partnerId")
			.is(client.partnerId())
			.and("email")
			.is(client.email()));
		return this.mongo.findAndModify(same,
				Update.update("name", client.name()).set("passwordHash", client.passwordHash()),
				FindAndModifyOptions.options().returnNew(true), Client.class);
	}

	/**
	 * The workspace a creation under this id made before, with its client; never the
	 * generated password, which is not stored.
	 */
	private Mono<Created> made(Partner partner, String id) {
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(id).and("partnerId").is(partner.id())), Workspace.class)
			.flatMap((workspace) -> this.mongo.findById(workspace.clientId(), Client.class)
				.map((client) -> new Created(workspace, client, null)));
	}

	private Mono<Void> subDomainFree(NewWorkspace request) {
		return this.mongo.exists(Query.query(Criteria.where("subDomain").is(request.subDomain())), Workspace.class)
			.flatMap((taken) -> taken ? Mono.error(subDomainTaken(request)) : Mono.empty());
	}

	/**
	 * Removes a client just stored for a workspace that was not, unless it has one now.
	 */
	private Mono<Void> forgetClient(Client client) {
		return this.mongo.exists(Query.query(Criteria.where("clientId").is(client.id())), Workspace.class)
			.flatMap((used) -> used ? Mono.empty()
					: this.mongo.remove(Query.query(Criteria.where("_id").is(client.id())), Client.class).then());
	}

	private static ApiException subDomainTaken(NewWorkspace request) {
		return ApiException.conflict("sub_domain", "sub_domain '" + request.subDomain() + "' is already taken");
	}

	/**
	 * Creates a workspace for a client of the partner.
	 * @param partner the partner
	 * @param request the workspace asked for
	 * @param clientEmail the client's email
	 * @param id the new workspace's id, as for {@link #createWithClient}
	 * @return the workspace and the client; 404 when the partner has no such client
	 */
	Mono<Created> createForClient(Partner partner, NewWorkspace request, String clientEmail, String id) {
		return made(partner, id).switchIfEmpty(Mono.defer(() -> findClient(partner, clientEmail)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("client_email",
					"client '" + clientEmail + "' does not exist; use workspace/create")))
			.flatMap((client) -> insert(partner, request, client, id)
				.map((workspace) -> new Created(workspace, client, null)))));
	}

	private Mono<Workspace> insert(Partner partner, NewWorkspace request, Client client, String id) {
		Plan plan = request.plan();
		Instant now = this.workspaces.now();
		List<String> addons = List.copyOf(new TreeSet<>(plan.addons()));
		WorkspaceCreated created = new WorkspaceCreated(id, partner.id(), request.name(), request.subDomain(),
				client.email(), client.passwordHash(), plan.id(), addons, plan.maxOperators(), plan.maxDomains(), now);
		Workspace workspace = new Workspace(id, partner.id(), client.id(), client.email(), request.name(),
				request.subDomain(), plan.id(), addons, WorkspaceStatus.ACTIVE, null, false, now.plus(plan.period()),
				Map.of(), List.of(), List.of(), now, null, List.of(this.events.of(id, partner.id(), created)));
		return this.writes.insert(workspace).onErrorMap(DuplicateKeyException.class, (ex) -> subDomainTaken(request));
	}

	Mono<Client> findClient(Partner partner, String email) {
		return this.mongo.findOne(Query.query(Criteria.where("partnerId").is(partner.id()).and("email").is(email)),
				Client.class);
	}

	Mono<Page<Workspace>> list(Partner partner, Page.Request page, String clientId, WorkspaceStatus status) {
		Criteria criteria = Criteria.where("partnerId").is(partner.id());
		criteria = (status != null) ? criteria.and("status").is(status)
				: criteria.and("status").ne(WorkspaceStatus.DELETED);
		if (clientId != null) {
			criteria = criteria.and("clientId").is(clientId);
		}
		return page(Query.query(criteria), page, Workspace.class);
	}

	Mono<Page<Client>> clients(Partner partner, Page.Request page, String email) {
		Criteria criteria = Criteria.where("partnerId").is(partner.id());
		if (email != null) {
			criteria = criteria.and("email").is(email.toLowerCase(Locale.ROOT));
		}
		return page(Query.query(criteria), page, Client.class);
	}

	private <T> Mono<Page<T>> page(Query query, Page.Request page, Class<T> type) {
		Mono<Long> total = this.mongo.count(query, type);
		Query sorted = Query.of(query).with(Sort.by("createdAt", "id")).skip(page.skip()).limit(page.size());
		return Mono.zip(this.mongo.find(sorted, type).collectList(), total)
			.map((both) -> new Page<>(both.getT1(), page.page(), page.size(), both.getT2()));
	}

	Mono<Workspace> delete(Partner partner, String id) {
		return this.workspaces.change(partner, id,
				(workspace) -> Change.of(Update.update("status", WorkspaceStatus.DELETED),
						new WorkspaceDeleted(workspace.id(), workspace.partnerId(), this.workspaces.now())));
	}

	Mono<Workspace> changePlan(Partner partner, String id, Plan plan) {
		return this.workspaces.change(partner, id, (workspace) -> {
			if (workspace.plan().equals(plan.id())) {
				return Change.none();
			}
			Instant now = this.workspaces.now();
			List<EventData> changes = new ArrayList<>();
			changes.add(new PlanChanged(workspace.id(), workspace.partnerId(), workspace.plan(), plan.id(),
					plan.maxOperators(), plan.maxDomains(), now));
			TreeSet<String> addons = new TreeSet<>(workspace.addons());
			for (String addon : plan.addons()) {
				if (addons.add(addon)) {
					changes.add(new WorkspaceAddonChanged(workspace.id(), workspace.partnerId(), addon, true, now));
				}
			}
			return new Change(Update.update("plan", plan.id()).set("addons", List.copyOf(addons)), changes);
		});
	}

	Mono<Workspace> addAddon(Partner partner, String id, String addon) {
		return this.workspaces.change(partner, id, (workspace) -> {
			if (workspace.addons().contains(addon)) {
				return Change.none();
			}
			TreeSet<String> addons = new TreeSet<>(workspace.addons());
			addons.add(addon);
			return Change.of(Update.update("addons", List.copyOf(addons)), new WorkspaceAddonChanged(workspace.id(),
					workspace.partnerId(), addon, true, this.workspaces.now()));
		});
	}

	Mono<Workspace> removeAddon(Partner partner, String id, String addon) {
		return this.workspaces.change(partner, id, (workspace) -> {
			if (!workspace.addons().contains(addon)) {
				throw ApiException.notFound("addon", "addon '" + addon + "' is not installed on this workspace");
			}
			List<String> addons = new ArrayList<>(workspace.addons());
			addons.remove(addon);
			return Change.of(Update.update("addons", addons), new WorkspaceAddonChanged(workspace.id(),
					workspace.partnerId(), addon, false, this.workspaces.now()));
		});
	}

	Mono<Workspace> autoRenew(Partner partner, String id, boolean enabled) {
		return this.workspaces.change(partner, id, (workspace) -> (workspace.autoRenew() == enabled) ? Change.none()
				: new Change(Update.update("autoRenew", enabled), List.of()));
	}

	Mono<Workspace> updateBilling(Partner partner, String id, Map<String, String> billing) {
		return this.workspaces.change(partner, id, (workspace) -> {
			Map<String, String> merged = new LinkedHashMap<>(workspace.billing());
			merged.putAll(billing);
			// The limit is on what the workspace keeps, not on one request: calls one
			// after another would otherwise grow it without end.
			if (merged.size() > MAX_BILLING_FIELDS) {
				throw ApiException.badRequest("request", "a workspace keeps at most " + MAX_BILLING_FIELDS
						+ " billing fields; it has " + workspace.billing().size());
			}
			return new Change(Update.update("billing", merged), List.of());
		});
	}

	Mono<Workspace> installTemplate(Partner partner, String id, String template) {
		return this.workspaces.change(partner, id, (workspace) -> {
			if (workspace.templates().contains(template)) {
				return Change.none();
			}
			List<String> templates = new ArrayList<>(workspace.templates());
			templates.add(template);
			return new Change(Update.update("templates", templates), List.of());
		});
	}

	Mono<Workspace> pause(Partner partner, String id, String reason) {
		String why = (reason != null) ? reason : PAUSED_BY_PARTNER;
		return this.workspaces.change(partner, id,
				(workspace) -> Change.of(Update.update("status", WorkspaceStatus.PAUSED).set("pausedReason", why),
						new WorkspacePaused(workspace.id(), workspace.partnerId(), why, this.workspaces.now())));
	}

	Mono<Workspace> activate(Partner partner, String id) {
		return this.workspaces.change(partner, id, true, (workspace) -> {
			if (!workspace.isPaused()) {
				throw ApiException.conflict("workspaceId", "workspace '" + id + "' is not paused");
			}
			return Change.of(Update.update("status", WorkspaceStatus.ACTIVE).unset("pausedReason"),
					new WorkspaceActivated(workspace.id(), workspace.partnerId(), this.workspaces.now()));
		});
	}

	private String generatePassword() {
		byte[] bytes = new byte[18];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A workspace asked for, its fields checked.
	 *
	 * @param name the name
	 * @param subDomain the sub domain, lower case
	 * @param plan the plan
	 */
	record NewWorkspace(String name, String subDomain, Plan plan) {

		NewWorkspace {
			if (name.length() > MAX_NAME) {
				throw ApiException.badRequest("name", "name must have at most " + MAX_NAME + " characters");
			}
			if (!SUB_DOMAIN.matcher(subDomain).matches()) {
				throw ApiException.badRequest("sub_domain",
						"sub_domain must be a sub domain name: lower-case letters, digits and inner hyphens, at most 63");
			}
		}

	}

	/**
	 * A new client, its fields checked.
	 *
	 * @param email the email, lower case
	 * @param name the name
	 * @param password the password, {@code null} to generate one
	 */
	record NewClient(String email, String name, String password) {

		NewClient {
			if (!EMAIL.matcher(email).matches()) {
				throw ApiException.badRequest("client.email", "client.email is not a valid email address");
			}
			if (name.length() > MAX_NAME) {
				throw ApiException.badRequest("client.name",
						"client.name must have at most " + MAX_NAME + " characters");
			}
			if (password != null && password.length() < MIN_PASSWORD) {
				throw ApiException.badRequest("client.password",
						"client.password must have at least " + MIN_PASSWORD + " characters");
			}
		}

	}

	/**
	 * A workspace just created.
	 *
	 * @param workspace the workspace
	 * @param client its client
	 * @param generatedPassword the client's password when generated now, shown only once
	 */
	record Created(Workspace workspace, Client client, String generatedPassword) {
	}

}
