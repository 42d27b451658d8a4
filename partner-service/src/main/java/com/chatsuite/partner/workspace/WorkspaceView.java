package com.chatsuite.partner.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A workspace as its partner sees it.
 *
 * @param id the workspace id, also its organisation's id
 * @param name the name
 * @param subDomain the organisation's sub domain
 * @param clientId the client
 * @param clientEmail the client's email
 * @param plan the plan id
 * @param addons the installed addons
 * @param status {@code active} or {@code paused}
 * @param pausedReason why it is paused, only while paused
 * @param autoRenew whether the plan renews itself
 * @param periodEndsAt when the current plan period ends
 * @param billing extra billing information
 * @param templates installed templates
 * @param createdAt when it was created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkspaceView(String id, String name, @JsonProperty("sub_domain") String subDomain,
		@JsonProperty("client_id") String clientId, @JsonProperty("client_email") String clientEmail, String plan,
		List<String> addons, String status, @JsonProperty("paused_reason") String pausedReason,
		@JsonProperty("auto_renew") boolean autoRenew, @JsonProperty("period_ends_at") Instant periodEndsAt,
		@JsonProperty("extra_billing_information") Map<String, String> billing, List<String> templates,
		@JsonProperty("created_at") Instant createdAt) {

	/**
	 * The view of a workspace.
	 * @param workspace the workspace
	 * @return its view
	 */
	public static WorkspaceView of(Workspace workspace) {
		return new WorkspaceView(workspace.id(), workspace.name(), workspace.subDomain(), workspace.clientId(),
				workspace.clientEmail(), workspace.plan(), workspace.addons(),
				workspace.status().name().toLowerCase(Locale.ROOT), workspace.pausedReason(), workspace.autoRenew(),
				workspace.periodEndsAt(), workspace.billing(), workspace.templates(), workspace.createdAt());
	}

}
