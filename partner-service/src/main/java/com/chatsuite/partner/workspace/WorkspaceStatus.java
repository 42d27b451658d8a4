package com.chatsuite.partner.workspace;

/**
 * Where a workspace is in its life.
 */
public enum WorkspaceStatus {

	/** In use. */
	ACTIVE,

	/** Keeps its data, refuses changes other than activation, holds its webhooks. */
	PAUSED,

	/** Deleted by its partner; its organisation is disabled. */
	DELETED

}
