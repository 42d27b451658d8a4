package com.chatsuite.contracts.events.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A domain as it stands, with the operators assigned to it, announced again at regular
 * intervals (well within the topic's retention), so that a consumer reading
 * {@code directory.operators} from its start learns every domain, however long ago it was
 * registered.
 *
 * @param domainId the domain id
 * @param name the domain name, a website without scheme
 * @param email the contact email
 * @param addon the addon unique name
 * @param active whether the widget may show on it
 * @param operators its assignments
 * @param visibility whether its widget shows, as last announced by
 * {@code widget-visibility-changed} (with that verdict's version, which orders it among
 * those events); {@code null} before the first look at the domain
 * @param announcedAt when this was its state
 */
public record DomainAnnounced(String domainId, String name, String email, String addon, boolean active,
		List<AssignedOperator> operators, Visibility visibility, Instant announcedAt) implements EventData {

	public DomainAnnounced {
		Objects.requireNonNull(domainId, "domainId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(addon, "addon");
		operators = (operators != null) ? List.copyOf(operators) : List.of();
		Objects.requireNonNull(announcedAt, "announcedAt");
	}

	/**
	 * Whether the domain's widget shows.
	 *
	 * @param visible whether it shows
	 * @param reason why not, {@code null} when it shows
	 * @param version the verdict's version, as in {@code widget-visibility-changed}
	 */
	public record Visibility(boolean visible, String reason, long version) {
	}

	/**
	 * One operator's assignment to the domain.
	 *
	 * @param operatorId the operator id
	 * @param isAdmin whether the operator administers the domain
	 * @param onlineStatus whether the operator takes chats of the domain
	 * @param status whether the assignment is enabled
	 * @param uniqueId the assignment's unique id in the addon, {@code null} when none
	 */
	public record AssignedOperator(String operatorId, @JsonProperty("isAdmin") boolean isAdmin, boolean onlineStatus,
			boolean status, String uniqueId) {

		public AssignedOperator {
			Objects.requireNonNull(operatorId, "operatorId");
		}

	}

}
