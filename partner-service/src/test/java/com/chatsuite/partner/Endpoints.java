package com.chatsuite.partner;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;

/**
 * Every operation of the partner API with a valid body and the permission it needs.
 *
 * @param method the method
 * @param path the path, {@code {id}} standing for a workspace id
 * @param body a valid body for POSTs
 * @param permission the permission it needs
 */
record Endpoints(HttpMethod method, String path, Map<String, ?> body, String permission) {

	static final List<Endpoints> ALL = List.of(get("/partner/clients", "clients:read"),
			get("/partner/workspaces", "workspaces:read"),
			post("/partner/workspace/create",
					Map.of("name", "W", "sub_domain", "perm-test", "plan", "starter", "client",
							Map.of("email", "perm@client.example", "name", "P")),
					"workspaces:write"),
			post("/partner/workspace/create-for-existing-user",
					Map.of("name", "W", "sub_domain", "perm-test2", "plan", "starter", "client_email",
							"perm@client.example"),
					"workspaces:write"),
			get("/partner/workspace/{id}", "workspaces:read"),
			new Endpoints(HttpMethod.DELETE, "/partner/workspace/{id}", null, "workspaces:write"),
			post("/partner/workspace/{id}/update-extra-billing-information", Map.of("company", "Acme"),
					"billing:write"),
			get("/partner/workspace/{id}/list-flows", "workspaces:read"),
			post("/partner/workspace/{id}/change-plan", Map.of("plan", "pro"), "billing:write"),
			post("/partner/workspace/{id}/add-addon", Map.of("addon", "seller_buyer_chat_system"), "billing:write"),
			post("/partner/workspace/{id}/remove-addon", Map.of("addon", "livechat"), "billing:write"),
			post("/partner/workspace/{id}/topup-points", Map.of("points", 5, "reason", "r"), "points:write"),
			post("/partner/workspace/{id}/deduct-points", Map.of("points", 5, "reason", "r"), "points:write"),
			get("/partner/workspace/{id}/points", "workspaces:read"),
			post("/partner/workspace/{id}/enable-auto-renew", Map.of(), "billing:write"),
			post("/partner/workspace/{id}/disable-auto-renew", Map.of(), "billing:write"),
			post("/partner/workspace/{id}/pause", Map.of(), "workspaces:write"),
			post("/partner/workspace/{id}/active", Map.of(), "workspaces:write"),
			get("/partner/workspace/{id}/members", "workspaces:read"),
			post("/partner/workspace/{id}/invite-member", Map.of("email", "m@x.example", "role", "agent"),
					"members:write"),
			post("/partner/workspace/{id}/remove-member", Map.of("email", "m@x.example"), "members:write"),
			post("/partner/workspace/{id}/install-template", Map.of("template", "support-desk"), "templates:write"),
			get("/partner/plans", "workspaces:read"), get("/partner/addons", "workspaces:read"),
			get("/partner/templates", "workspaces:read"), get("/partner/webhook", "webhooks:read"),
			post("/partner/set-webhook", Map.of("event", "workspace.paused", "url", "https://hooks.example.com/x"),
					"webhooks:write"),
			post("/partner/remove-webhook", Map.of("id", "x"), "webhooks:write"),
			get("/partner/webhook/deliveries", "webhooks:read"),
			post("/partner/webhook/deliveries/some-id/replay", Map.of(), "webhooks:write"));

	/** The operations about one workspace, which another partner's id must not reach. */
	static List<Endpoints> aboutOneWorkspace() {
		return ALL.stream().filter((endpoint) -> endpoint.path().contains("{id}")).toList();
	}

	String path(String workspaceId) {
		return this.path.replace("{id}", workspaceId);
	}

	@Override
	public String toString() {
		return this.method + " " + this.path;
	}

	private static Endpoints get(String path, String permission) {
		return new Endpoints(HttpMethod.GET, path, null, permission);
	}

	private static Endpoints post(String path, Map<String, ?> body, String permission) {
		return new Endpoints(HttpMethod.POST, path, body, permission);
	}

}
