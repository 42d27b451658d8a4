package com.chatsuite.directory.assignment;

/**
 * What an update of an assignment asks to change; {@code null} keeps a field.
 *
 * @param admin the new {@code is_admin}
 * @param onlineStatus the new {@code online_status}
 * @param enabled the new {@code status}, seller-buyer addon only
 * @param uniqueId the new {@code unique_id}, seller-buyer addon only
 */
record AssignmentChanges(Boolean admin, Boolean onlineStatus, Boolean enabled, String uniqueId) {

	/** Tells whether nothing at all is asked. */
	boolean isEmpty() {
		return this.admin == null && this.onlineStatus == null && this.enabled == null && this.uniqueId == null;
	}

}
