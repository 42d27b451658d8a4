package com.chatsuite.partner.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.chatsuite.contracts.api.PartnerApiResponse;
import com.chatsuite.contracts.events.partner.MemberInvited;
import com.chatsuite.contracts.events.partner.MemberRemoved;
import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.partner.web.IdempotentOperation;
import com.chatsuite.partner.web.Partners;
import com.chatsuite.partner.workspace.Change;
import com.chatsuite.partner.workspace.Member;
import com.chatsuite.partner.workspace.Workspace;
import com.chatsuite.partner.workspace.Workspaces;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A workspace's members: {@code GET members} (pending, accepted or refused),
 * {@code invite-member} ({@code email}, {@code role} {@code admin} or {@code agent}) and
 * {@code remove-member} ({@code email}).
 */
@RestController
@RequestMapping("/partner/workspace/{workspaceId}")
class MemberController {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final int MAX_MEMBERS = 1000;

	private final Workspaces workspaces;

	private final Partners partners;

	MemberController(Workspaces workspaces, Partners partners) {
		this.workspaces = workspaces;
		this.partners = partners;
	}

	@GetMapping("/members")
	Mono<PartnerApiResponse<List<MemberView>>> members(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.WORKSPACES_READ)
			.flatMap((partner) -> this.workspaces.require(partner, workspaceId))
			.map((workspace) -> PartnerApiResponse.ok(views(workspace)));
	}

	@PostMapping("/invite-member")
	Mono<PartnerApiResponse<MemberView>> invite(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.MEMBERS_WRITE)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> {
				String email = email(both.getT2().requiredText("email"));
				String role = role(both.getT2().requiredText("role"));
				String invitation = IdempotentOperation.of(exchange).orElse(null);
				return this.workspaces
					.change(both.getT1(), workspaceId, (workspace) -> invite(workspace, email, role, invitation))
					.map((workspace) -> PartnerApiResponse.ok(MemberView.of(workspace, workspace.member(email).get())));
			});
	}

	@PostMapping("/remove-member")
	Mono<PartnerApiResponse<MemberView>> remove(@PathVariable String workspaceId, ServerWebExchange exchange) {
		return this.partners.require(exchange, PartnerPermission.MEMBERS_WRITE)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> {
				String email = email(both.getT2().requiredText("email"));
				Member[] removed = new Member[1];
				return this.workspaces.change(both.getT1(), workspaceId, (workspace) -> {
					removed[0] = workspace.member(email)
						.orElseThrow(() -> ApiException.notFound("email",
								"'" + email + "' is not a member of workspace '" + workspaceId + "'"));
					return remove(workspace, email);
				}).map((workspace) -> PartnerApiResponse.ok(MemberView.of(workspace, removed[0])));
			});
	}

	private Change invite(Workspace workspace, String email, String role, String invitation) {
		Optional<Member> existing = workspace.member(email);
		if (existing.isPresent() && invitation != null && invitation.equals(existing.get().invitation())) {
			// The retry of this very invitation, whose answer was lost.
			return Change.none();
		}
		if (existing.isPresent()) {
			throw ApiException.conflict("email", "'" + email + "' is a member of this workspace already");
		}
		if (workspace.members().size() >= MAX_MEMBERS) {
			throw ApiException.conflict("email", "a workspace has at most " + MAX_MEMBERS + " members");
		}
		Instant now = this.workspaces.now();
		List<Member> members = new ArrayList<>(workspace.members());
		members.add(new Member(email, role, false, now, null, invitation));
		return Change.of(Update.update("members", members),
				new MemberInvited(workspace.id(), workspace.partnerId(), email, role, now));
	}

	private Change remove(Workspace workspace, String email) {
		List<Member> members = new ArrayList<>(workspace.members());
		members.removeIf((member) -> member.email().equals(email));
		return Change.of(Update.update("members", members),
				new MemberRemoved(workspace.id(), workspace.partnerId(), email, this.workspaces.now()));
	}

	private static List<MemberView> views(Workspace workspace) {
		return workspace.members().stream().map((member) -> MemberView.of(workspace, member)).toList();
	}

	private static String email(String raw) {
		String email = raw.toLowerCase(Locale.ROOT);
		if (!EMAIL.matcher(email).matches()) {
			throw ApiException.badRequest("email", "email is not a valid email address");
		}
		return email;
	}

	private static String role(String role) {
		if (!Member.ROLES.contains(role)) {
			throw ApiException.badRequest("role", "role must be one of " + String.join(", ", Member.ROLES));
		}
		return role;
	}

	/**
	 * A member as the partner sees it.
	 *
	 * @param id the member's id within the workspace (the email)
	 * @param workspaceId the workspace
	 * @param email the email
	 * @param role admin or agent
	 * @param status pending, accepted (an agent made an operator of the workspace's
	 * organisation) or refused (an agent who could not be made one)
	 * @param reason why a refused agent is no operator, absent otherwise
	 * @param invitedAt when invited
	 */
	record MemberView(String id, @JsonProperty("workspace_id") String workspaceId, String email, String role,
			String status, @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
			@JsonProperty("invited_at") Instant invitedAt) {

		static MemberView of(Workspace workspace, Member member) {
			return new MemberView(member.email(), workspace.id(), member.email(), member.role(), member.status(),
					member.refusal(), member.invitedAt());
		}

	}

}
