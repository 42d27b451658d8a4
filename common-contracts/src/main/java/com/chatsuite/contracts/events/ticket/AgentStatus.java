package com.chatsuite.contracts.events.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An agent's presence. The addon admin API shows it as a numeric {@link #code()}, the
 * agent ticket API as the lower-case {@link #apiValue()}.
 */
public enum AgentStatus {

	/** Receives no tickets. */
	OFFLINE(0),

	/** Receives new tickets up to its capacity. */
	ONLINE(1),

	/** Keeps its tickets but receives no new ones. */
	AWAY(2),

	/** Keeps its tickets but receives no new ones. */
	BUSY(3);

	private final int code;

	AgentStatus(int code) {
		this.code = code;
	}

	/**
	 * Return the addon admin API's status code: 0 offline, 1 online, 2 away, 3 busy.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * Return the agent ticket API's value, for example {@code online}.
	 * @return the lower-case name
	 */
	public String apiValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Find the status with the given addon admin API code.
	 * @param code the code
	 * @return the status, or empty for an unknown code
	 */
	public static Optional<AgentStatus> fromCode(int code) {
		return Arrays.stream(values()).filter((status) -> status.code == code).findFirst();
	}

	/**
	 * Find the status with the given agent ticket API value, ignoring case.
	 * @param value the value, for example {@code away}
	 * @return the status, or empty for an unknown value
	 */
	public static Optional<AgentStatus> fromApiValue(String value) {
		return Arrays.stream(values()).filter((status) -> status.name().equalsIgnoreCase(value)).findFirst();
	}

}
