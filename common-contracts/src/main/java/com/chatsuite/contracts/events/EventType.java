package com.chatsuite.contracts.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.chatsuite.contracts.events.auth.AddonInstalled;
import com.chatsuite.contracts.events.auth.AddonRemoved;
import com.chatsuite.contracts.events.auth.OrganisationAnnounced;
import com.chatsuite.contracts.events.auth.OrganisationCreated;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.OrganisationEnabled;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.contracts.events.chat.RoomClosed;
import com.chatsuite.contracts.events.chat.RoomCreated;
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
import com.chatsuite.contracts.events.ticket.AgentStatusChanged;
import com.chatsuite.contracts.events.ticket.TicketAssigned;
import com.chatsuite.contracts.events.ticket.TicketAutoCloseWarning;
import com.chatsuite.contracts.events.ticket.TicketClosed;
import com.chatsuite.contracts.events.ticket.TicketCreated;
import com.chatsuite.contracts.events.ticket.TicketReassigned;

/**
 * Every event type of the suite: its CloudEvents {@code type}, the topic it is published
 * on and the record class of its {@code data}.
 */
public enum EventType {

	TOKEN_REVOKED("auth.token.revoked.v1", Topics.AUTH_REVOCATIONS, TokenRevoked.class),

	ORGANISATION_DISABLED("auth.organisation.disabled.v1", Topics.AUTH_REVOCATIONS, OrganisationDisabled.class),

	ORGANISATION_ENABLED("auth.organisation.enabled.v1", Topics.AUTH_REVOCATIONS, OrganisationEnabled.class),

	ORGANISATION_CREATED("auth.organisation.created.v1", Topics.AUTH_ORGANISATIONS, OrganisationCreated.class),

	ADDON_INSTALLED("auth.organisation.addon-installed.v1", Topics.AUTH_ORGANISATIONS, AddonInstalled.class),

	ADDON_REMOVED("auth.organisation.addon-removed.v1", Topics.AUTH_ORGANISATIONS, AddonRemoved.class),

	ORGANISATION_ANNOUNCED("auth.organisation.announced.v1", Topics.AUTH_ORGANISATIONS, OrganisationAnnounced.class),

	OPERATOR_CREATED("directory.operator.created.v1", Topics.DIRECTORY_OPERATORS, OperatorCreated.class),

	OPERATOR_ADDON_STATUS_CHANGED("directory.operator.addon-status-changed.v1", Topics.DIRECTORY_OPERATORS,
			OperatorAddonStatusChanged.class),

	OPERATOR_ASSIGNED("directory.operator.assigned.v1", Topics.DIRECTORY_OPERATORS, OperatorAssigned.class),

	ASSIGNMENT_UPDATED("directory.assignment.updated.v1", Topics.DIRECTORY_OPERATORS, AssignmentUpdated.class),

	DOMAIN_CREATED("directory.domain.created.v1", Topics.DIRECTORY_OPERATORS, DomainCreated.class),

	DOMAIN_UPDATED("directory.domain.updated.v1", Topics.DIRECTORY_OPERATORS, DomainUpdated.class),

	WIDGET_VISIBILITY_CHANGED("directory.widget-visibility.changed.v1", Topics.DIRECTORY_OPERATORS,
			WidgetVisibilityChanged.class),

	OPERATOR_ANNOUNCED("directory.operator.announced.v1", Topics.DIRECTORY_OPERATORS, OperatorAnnounced.class),

	DOMAIN_ANNOUNCED("directory.domain.announced.v1", Topics.DIRECTORY_OPERATORS, DomainAnnounced.class),

	AGENT_MEMBER_ENLISTED("directory.agent-member.enlisted.v1", Topics.DIRECTORY_OPERATORS, AgentMemberEnlisted.class),

	AGENT_MEMBER_REFUSED("directory.agent-member.refused.v1", Topics.DIRECTORY_OPERATORS, AgentMemberRefused.class),

	ROOM_CREATED("chat.room.created.v1", Topics.CHAT_ROOMS, RoomCreated.class),

	MESSAGE_POSTED("chat.room.message-posted.v1", Topics.CHAT_ROOMS, MessagePosted.class),

	ROOM_CLOSED("chat.room.closed.v1", Topics.CHAT_ROOMS, RoomClosed.class),

	TICKET_CREATED("ticket.created.v1", Topics.TICKETS, TicketCreated.class),

	TICKET_ASSIGNED("ticket.assigned.v1", Topics.TICKETS, TicketAssigned.class),

	TICKET_REASSIGNED("ticket.reassigned.v1", Topics.TICKETS, TicketReassigned.class),

	TICKET_AUTO_CLOSE_WARNING("ticket.auto-close-warning.v1", Topics.TICKETS, TicketAutoCloseWarning.class),

	TICKET_CLOSED("ticket.closed.v1", Topics.TICKETS, TicketClosed.class),

	AGENT_STATUS_CHANGED("ticket.agent.status-changed.v1", Topics.TICKETS, AgentStatusChanged.class),

	WORKSPACE_CREATED("partner.workspace.created.v1", Topics.PARTNER_WORKSPACES, WorkspaceCreated.class),

	WORKSPACE_PAUSED("partner.workspace.paused.v1", Topics.PARTNER_WORKSPACES, WorkspacePaused.class),

	WORKSPACE_ACTIVATED("partner.workspace.activated.v1", Topics.PARTNER_WORKSPACES, WorkspaceActivated.class),

	PLAN_CHANGED("partner.workspace.plan-changed.v1", Topics.PARTNER_WORKSPACES, PlanChanged.class),

	POINTS_CHANGED("partner.workspace.points-changed.v1", Topics.PARTNER_WORKSPACES, PointsChanged.class),

	WORKSPACE_DELETED("partner.workspace.deleted.v1", Topics.PARTNER_WORKSPACES, WorkspaceDeleted.class),

	WORKSPACE_ADDON_CHANGED("partner.workspace.addon-changed.v1", Topics.PARTNER_WORKSPACES,
			WorkspaceAddonChanged.class),

	AUTO_RENEW_FAILED("partner.workspace.auto-renew-failed.v1", Topics.PARTNER_WORKSPACES, AutoRenewFailed.class),

	MEMBER_INVITED("partner.workspace.member-invited.v1", Topics.PARTNER_WORKSPACES, MemberInvited.class),

	MEMBER_REMOVED("partner.workspace.member-removed.v1", Topics.PARTNER_WORKSPACES, MemberRemoved.class);

	private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

	private static final Map<Class<? extends EventData>, EventType> BY_DATA_CLASS = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

	private final String type;

	private final String topic;

	private final Class<? extends EventData> dataClass;

	EventType(String type, String topic, Class<? extends EventData> dataClass) {
		this.type = type;
		this.topic = topic;
		this.dataClass = dataClass;
	}

	/**
	 * Return the CloudEvents {@code type} attribute, for example
	 * {@code chat.room.closed.v1}.
	 * @return the type string
	 */
	public String type() {
		return this.type;
	}

	/**
	 * Return the Kafka topic events of this type are published on.
	 * @return the topic name
	 */
	public String topic() {
		return this.topic;
	}

	/**
	 * Return the record class the {@code data} of this type binds to.
	 * @return the data class
	 */
	public Class<? extends EventData> dataClass() {
		return this.dataClass;
	}

	/**
	 * Return the classpath location of the JSON Schema describing a whole event of this
	 * type.
	 * @return the schema resource path
	 */
	public String schemaResource() {
		return "/event-schemas/" + this.type + ".json";
	}

	/**
	 * Find the event type with the given CloudEvents {@code type} attribute.
	 * @param type the type string
	 * @return the event type, or empty when the type is unknown
	 */
	public static Optional<EventType> fromType(String type) {
		return Optional.ofNullable((type != null) ? BY_TYPE.get(type) : null);
	}

	/**
	 * Return the event types published on a topic.
	 * @param topic the topic name
	 * @return the event types, in declaration order
	 */
	public static List<EventType> onTopic(String topic) {
		return Arrays.stream(values()).filter((eventType) -> eventType.topic.equals(topic)).toList();
	}

	static EventType forDataClass(Class<?> dataClass) {
		EventType eventType = BY_DATA_CLASS.get(dataClass);
		if (eventType == null) {
			throw new IllegalStateException("No event type for data class " + dataClass.getName());
		}
		return eventType;
	}

}
