package com.chatsuite.auth.agent;

import java.util.List;
import java.util.Map;

import com.chatsuite.support.events.HasOutbox;
import com.chatsuite.support.events.OutboxEvent;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What auth-service knows of an operator, projected from {@code directory.operators}:
 * enough to mint agent tokens only for active operators and to revoke them on
 * deactivation.
 *
 * @param id the operator id
 * @param orgId its organisation
 * @param email its email
 * @param addons per addon, whether it is active there
 * @param outbox revocations of its agent tokens not yet sent
 */
@Document("known_operators")
record KnownOperator(@Id String id, String orgId, String email, Map<String, Boolean> addons,
		List<OutboxEvent> outbox) implements HasOutbox {

	KnownOperator {
		addons = (addons != null) ? Map.copyOf(addons) : Map.of();
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	boolean isActiveIn(String addon) {
		return Boolean.TRUE.equals(this.addons.get(addon));
	}

}
