package com.chatsuite.directory.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an organisation's plan allows and what it uses, in one document so that a seat is
 * taken against the limit it was decided on. Kept for every organisation with an operator
 * or a domain; only a partner workspace's organisation has limits.
 *
 * @param id the organisation id
 * @param operators ids of the operators holding a seat (active in at least one addon)
 * @param domains ids of the domains holding a seat (active)
 * @param plan the workspace's plan, {@code null} without a workspace
 * @param maxOperators the most operators the plan allows, {@code null} for no limit
 * @param maxDomains the most domains the plan allows, {@code null} for no limit
 * @param limitsChangedAt when the limits last changed, so an older plan never overwrites
 * a newer one
 * @param version moves on with every limit change and every seat taken under a limit
 * @param takenAt when each seat taken under a limit was taken, by id
 */
@Document("seats")
record Seats(@Id String id, List<String> operators, List<String> domains, String plan, Integer maxOperators,
		Integer maxDomains, Instant limitsChangedAt, Long version, Map<String, Instant> takenAt) {

	Seats {
		operators = (operators != null) ? List.copyOf(operators) : List.of();
		domains = (domains != null) ? List.copyOf(domains) : List.of();
		takenAt = (takenAt != null) ? Map.copyOf(takenAt) : Map.of();
	}

}
