package com.chatsuite.contracts.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.chatsuite.contracts.events.auth.AddonInstalled;
import com.chatsuite.contracts.events.auth.AddonRemoved;
import com.chatsuite.contracts.events.auth.OrganisationAnnounced;
import com.chatsuite.contracts.events.auth.OrganisationCreated;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.OrganisationEnabled;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.contracts.events.chat.RoomClosed;
import com.chatsuite.contracts.events.chat.RoomCreated;
import com.chatsuite.contracts.events.chat.SenderType;
import com.chatsuite.contracts.events.directory.AgentMemberEnlisted;
import com.chatsuite.contracts.events.directory.AgentMemberRefused;
import com.chatsuite.contracts.events.directory.AssignmentUpdated;
import com.chatsuite.contracts.events.directory.DomainAnnounced;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.DomainUpdated;
import com.chatsuite.contracts.events.directory.WidgetVisibilityChanged;
import com.chatsuite.contracts.events.directory.OperatorAddonStatusChanged;
import com.chatsuite.contracts.events.directory.OperatorAnnounced;
import com.chatsuite.contracts.events.directory.OperatorAssigned;
import com.chatsuite.contracts.events.directory.OperatorCreated;
import com.chatsuite.contracts.events.partner.AutoRenewFailed;
import com.chatsuite.contracts.events.partner.MemberInvited;
import com.chatsuite.contracts.events.partner.MemberRemoved;
import com.chatsuite.contracts.events.partner.PlanChanged;
import com.chatsuite.contracts.events.partner.PointsChanged;
import com.chatsuite.contracts.events.partner.WorkspaceActivated;
import com.chatsuite.contracts.events.partner.WorkspaceAddonChanged;
import com.chatsuite.contracts.events.partner.WorkspaceCreated;
import com.chatsuite.contracts.events.partner.WorkspaceDeleted;
import com.chatsuite.contracts.events.partner.WorkspacePaused;
import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.contracts.events.ticket.AgentStatusChanged;
import com.chatsuite.contracts.events.ticket.TicketAssigned;
import com.chatsuite.contracts.events.ticket.TicketAutoCloseWarning;
import com.chatsuite.contracts.events.ticket.TicketClosed;
import com.chatsuite.contracts.events.ticket.TicketCreated;
import com.chatsuite.contracts.events.ticket.TicketReassigned;

/**
 * A realistic sample event for every {@link EventType}. The switch has no default, so a
 * new event type does not compile until it has a sample here.
 */
public final class EventSamples {

	/** The time every sample happened. */
	public static final Instant TIME = Instant.parse("2025-03-01T10:15:30Z");

	/** The organisation every sample belongs to. */
	public static final String ORG_ID = "org-1";

	private EventSamples() {
	}

	/**
	 * Return every sample, one per event type.
	 * @return the samples
	 */
	public static List<CloudEvent<?>> all() {
		return Arrays.stream(EventType.values()).<CloudEvent<?>>map(EventSamples::event).toList();
	}

	/**
	 * Return the sample event of a type.
	 * @param eventType the event type
	 * @return the sample, produced by the type's service about the sample's aggregate
	 */
	public static CloudEvent<?> event(EventType eventType) {
		EventData data = data(eventType);
		return CloudEvent.of(producer(eventType.topic()), "aggregate-" + eventType.ordinal(), ORG_ID, data, TIME);
	}

	/**
	 * Return the sample data of a type.
	 * @param eventType the event type
	 * @return the data
	 */
	public static EventData data(EventType eventType) {
		Instant later = TIME.plusSeconds(3600);
		return switch (eventType) {
			case TOKEN_REVOKED ->
				new TokenRevoked(RevocationScope.SESSION, "sid-7", null, "refresh token reused", TIME, later);
			case ORGANISATION_DISABLED -> new OrganisationDisabled(ORG_ID, "demo", TIME);
			case ORGANISATION_ENABLED -> new OrganisationEnabled(ORG_ID, "demo", TIME);
			case ORGANISATION_CREATED ->
				new OrganisationCreated(ORG_ID, "demo", List.of("livechat", "seller_buyer_chat_system"), TIME);
			case ADDON_INSTALLED -> new AddonInstalled(ORG_ID, "partner", TIME);
			case ADDON_REMOVED -> new AddonRemoved(ORG_ID, "partner", TIME);
			case ORGANISATION_ANNOUNCED -> new OrganisationAnnounced(ORG_ID, "acme", List.of("livechat"), TIME);
			case OPERATOR_CREATED -> new OperatorCreated("op-1", "ana@demo.example", "Ana", "livechat", true);
			case OPERATOR_ADDON_STATUS_CHANGED ->
				new OperatorAddonStatusChanged("op-1", "ana@demo.example", "livechat", false);
			case OPERATOR_ASSIGNED ->
				new OperatorAssigned("op-1", "dom-1", "shop.example", "livechat", true, true, true, "u-1");
			case ASSIGNMENT_UPDATED ->
				new AssignmentUpdated("op-1", "dom-1", "shop.example", "livechat", false, false, true, null);
			case DOMAIN_CREATED -> new DomainCreated("dom-1", "shop.example", "web@shop.example", "livechat", true);
			case DOMAIN_UPDATED ->
				new DomainUpdated("dom-1", "store.example", "shop.example", "web@shop.example", "livechat", false);
			case WIDGET_VISIBILITY_CHANGED -> new WidgetVisibilityChanged("dom-1", "shop.example", "livechat", false,
					"no operator assigned to domain 'shop.example' is online", 3, TIME);
			case OPERATOR_ANNOUNCED -> new OperatorAnnounced("op-1", "ana@demo.example", "Ana",
					List.of(new OperatorAnnounced.AddonStatus("livechat", true)), TIME);
			case DOMAIN_ANNOUNCED -> new DomainAnnounced("dom-1", "shop.example", "web@shop.example", "livechat", true,
					List.of(new DomainAnnounced.AssignedOperator("op-1", false, true, true, null)),
					new DomainAnnounced.Visibility(false, "no operator assigned to domain 'shop.example' is online", 3),
					TIME);
			case AGENT_MEMBER_ENLISTED -> new AgentMemberEnlisted("ana@example.com", "op-1", List.of("livechat"), TIME);
			case AGENT_MEMBER_REFUSED -> new AgentMemberRefused("bo@example.com",
					"plan limit reached: at most 3 operators on plan starter", TIME);
			case ROOM_CREATED -> new RoomCreated("room-1", "shop.example", "user-9", "Visitor", "en", TIME);
			case MESSAGE_POSTED -> new MessagePosted("room-1", "msg-1", 1, SenderType.VISITOR, "user-9",
					"Hello, is my order on its way?", TIME);
			case ROOM_CLOSED -> new RoomClosed("room-1", "op-1", "resolved", TIME);
			case TICKET_CREATED -> new TicketCreated("ticket-1", "room-1", "user-9", TIME);
			case TICKET_ASSIGNED -> new TicketAssigned("ticket-1", "room-1", "op-1", "Ana", TIME);
			case TICKET_AUTO_CLOSE_WARNING -> new TicketAutoCloseWarning("ticket-1", "room-1",
					"This chat will close in 5 minutes unless you write.", TIME.plusSeconds(300), TIME);
			case TICKET_REASSIGNED -> new TicketReassigned("ticket-1", "room-1", "op-1", "agent offline", TIME);
			case TICKET_CLOSED -> new TicketClosed("ticket-1", "room-1", "CHAT_CLOSED", TIME);
			case AGENT_STATUS_CHANGED ->
				new AgentStatusChanged("op-1", "ana@demo.example", "livechat", AgentStatus.AWAY, TIME);
			case WORKSPACE_CREATED -> new WorkspaceCreated("ws-1", "org-2", "Acme support", "acme",
					"client@example.com", "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z3ZRZ6ZDjJXhFmOZpIBEJ3J2", "starter",
					List.of("livechat"), 3, 1, TIME);
			case WORKSPACE_PAUSED -> new WorkspacePaused("ws-1", "org-2", "paused by the partner", TIME);
			case WORKSPACE_DELETED -> new WorkspaceDeleted("ws-1", "org-2", TIME);
			case WORKSPACE_ADDON_CHANGED ->
				new WorkspaceAddonChanged("ws-1", "org-2", "seller_buyer_chat_system", true, TIME);
			case AUTO_RENEW_FAILED ->
				new AutoRenewFailed("ws-1", "org-2", "starter", 100, 40, "not enough points: 40 of 100", TIME);
			case MEMBER_INVITED -> new MemberInvited("ws-1", "org-2", "ana@example.com", "agent", TIME);
			case MEMBER_REMOVED -> new MemberRemoved("ws-1", "org-2", "ana@example.com", TIME);
			case WORKSPACE_ACTIVATED -> new WorkspaceActivated("ws-1", "org-2", TIME);
			case PLAN_CHANGED -> new PlanChanged("ws-1", "org-2", "starter", "pro", 10, 5, TIME);
			case POINTS_CHANGED -> new PointsChanged("ws-1", "org-2", -25, 75, "entry-3", "monthly fee", TIME);
		};
	}

	private static String producer(String topic) {
		return switch (topic) {
			case Topics.AUTH_REVOCATIONS -> "auth-service";
			case Topics.AUTH_ORGANISATIONS -> "auth-service";
			case Topics.DIRECTORY_OPERATORS -> "operator-domain-service";
			case Topics.CHAT_ROOMS -> "chat-room-service";
			case Topics.TICKETS -> "ticket-service";
			case Topics.PARTNER_WORKSPACES -> "partner-service";
			default -> throw new IllegalArgumentException(topic);
		};
	}

}
