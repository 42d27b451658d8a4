package com.chatsuite.directory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.chatsuite.support.events.Announcements;
import com.chatsuite.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A website where an organisation embeds the widget of one addon, with the operators
 * assigned to it. The aggregate of domain events and assignment events alike.
 *
 * @param id the domain id
 * @param orgId the organisation
 * @param addon the addon
 * @param name the name without scheme, unique within organisation and addon
 * @param email the contact email
 * @param active whether the widget may show on it
 * @param operators the operators assigned to it
 * @param createdAt when it was registered
 * @param announcedAt when it was last announced as it stands (created, or
 * {@code domain-announced}); {@code null} for domains stored before announcements
 * @param version optimistic lock
 * @param outbox events of its changes not yet sent
 */
@Document("domains")
@CompoundIndex(name = "org_addon_name", def = "{'orgId': 1, 'addon': 1, 'name': 1}", unique = true)
@CompoundIndex(name = "org_operator", def = "{'orgId': 1, 'operators.operatorId': 1}")
public record Domain(@Id String id, String orgId, String addon, String name, String email, boolean active,
		List<Assignment> operators, Instant createdAt, @Indexed(name = "announced") Instant announcedAt,
		@Version Long version, List<OutboxEvent> outbox) implements Announcements.Announceable {

	public Domain {
		operators = (operators != null) ? List.copyOf(operators) : List.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	/**
	 * The assignment of one operator.
	 * @param operatorId the operator
	 * @return the assignment, empty when the operator is not assigned here
	 */
	public Optional<Assignment> assignment(String operatorId) {
		return this.operators.stream().filter((assignment) -> assignment.operatorId().equals(operatorId)).findFirst();
	}

	/**
	 * The assignments with one added or replaced.
	 * @param assignment the new or changed assignment
	 * @return the new list, in assignment order
	 */
	public List<Assignment> withAssignment(Assignment assignment) {
		List<Assignment> changed = new ArrayList<>(this.operators);
		int index = changed.stream().map(Assignment::operatorId).toList().indexOf(assignment.operatorId());
		if (index >= 0) {
			changed.set(index, assignment);
		}
		else {
			changed.add(assignment);
		}
		return changed;
	}

}
