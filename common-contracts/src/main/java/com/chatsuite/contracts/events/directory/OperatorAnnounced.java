package com.chatsuite.contracts.events.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * An operator as it stands, announced again at regular intervals (well within the topic's
 * retention), so that a consumer reading {@code directory.operators} from its start
 * learns every operator, however long ago it was created.
 *
 * @param operatorId the operator id
 * @param email the operator's email
 * @param name the display name
 * @param addons the addons the person is an operator in, each with its status
 * @param announcedAt when this was its state
 */
public record OperatorAnnounced(String operatorId, String email, String name, List<AddonStatus> addons,
		Instant announcedAt) implements EventData {

	public OperatorAnnounced {
		Objects.requireNonNull(operatorId, "operatorId");
		Objects.requireNonNull(email, "email");
		addons = (addons != null) ? List.copyOf(addons) : List.of();
		Objects.requireNonNull(announcedAt, "announcedAt");
	}

	/**
	 * The operator's standing in one addon.
	 *
	 * @param addon the addon unique name
	 * @param active whether the operator is active in it
	 */
	public record AddonStatus(String addon, boolean active) {

		public AddonStatus {
			Objects.requireNonNull(addon, "addon");
		}

	}

}
