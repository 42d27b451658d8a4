package com.chatsuite.auth.organisation;

/**
 * Whether an organisation and its tokens work.
 */
public enum OrganisationStatus {

	ACTIVE, DISABLED

}
