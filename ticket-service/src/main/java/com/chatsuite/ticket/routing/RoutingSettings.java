package com.chatsuite.ticket.routing;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation's routing settings.
 *
 * @param id the organisation
 * @param capacity open tickets an agent holds at most
 * @param autoCloseWarningSeconds quiet time before the room is warned
 * @param autoCloseSeconds quiet time before the ticket and its room are closed
 * @param updatedAt when they were last changed, {@code null} for the defaults
 * @param version how many times they were changed, for changes conditional on it;
 * {@code null} for the defaults (and for settings stored before versions)
 */
@Document("routing_settings")
public record RoutingSettings(@Id String id, int capacity, long autoCloseWarningSeconds, long autoCloseSeconds,
		Instant updatedAt, Long version) {

	/** Quiet time before the room is warned. */
	public Duration autoCloseWarning() {
		return Duration.ofSeconds(this.autoCloseWarningSeconds);
	}

	/** Quiet time before the ticket and its room are closed. */
	public Duration autoClose() {
		return Duration.ofSeconds(this.autoCloseSeconds);
	}

}
