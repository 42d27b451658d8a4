package com.chatsuite.directory.domain;

import java.time.Instant;

/**
 * An operator assigned to a domain. Assignments live inside their domain, so renaming a
 * domain keeps them and the widget check finds them in the same read as the domain.
 *
 * @param operatorId the operator
 * @param admin whether the operator administers the domain ({@code is_admin})
 * @param onlineStatus whether the operator shows as available on the domain
 * ({@code online_status})
 * @param enabled whether the operator receives the domain's messages ({@code status});
 * only switched off in the seller-buyer addon
 * @param uniqueId the seller's product page ({@code unique_id}), seller-buyer addon only
 * @param assignedAt when the operator was assigned
 */
public record Assignment(String operatorId, boolean admin, boolean onlineStatus, boolean enabled, String uniqueId,
		Instant assignedAt) {

	/**
	 * A new assignment: available, receiving messages, not an administrator unless said.
	 * @param operatorId the operator
	 * @param admin whether the operator administers the domain, {@code null} for no
	 * @param uniqueId the product page, or {@code null}
	 * @param at when
	 * @return the assignment
	 */
	public static Assignment of(String operatorId, Boolean admin, String uniqueId, Instant at) {
		return new Assignment(operatorId, Boolean.TRUE.equals(admin), true, true, uniqueId, at);
	}

	/**
	 * This assignment with some fields changed; {@code null} keeps a field.
	 * @param newAdmin the new {@code is_admin}
	 * @param newOnlineStatus the new {@code online_status}
	 * @param newEnabled the new {@code status}
	 * @param newUniqueId the new {@code unique_id}
	 * @return the changed assignment
	 */
	public Assignment with(Boolean newAdmin, Boolean newOnlineStatus, Boolean newEnabled, String newUniqueId) {
		return new Assignment(this.operatorId, (newAdmin != null) ? newAdmin : this.admin,
				(newOnlineStatus != null) ? newOnlineStatus : this.onlineStatus,
				(newEnabled != null) ? newEnabled : this.enabled, (newUniqueId != null) ? newUniqueId : this.uniqueId,
				this.assignedAt);
	}

}
