package com.chatsuite.chatroom.access;

import com.chatsuite.support.security.TokenClaims;

/**
 * Who calls the chat room API about a room: an agent of an organisation, with a verified
 * agent token, or the visitor of one room, with that room's token.
 */
public sealed interface Caller {

	/**
	 * An agent: reaches every room of its organisation.
	 *
	 * @param claims the agent token's claims
	 */
	record Agent(TokenClaims claims) implements Caller {

		/** The agent's organisation. */
		public String orgId() {
			return this.claims.orgId();
		}

		/** The agent's operator id. */
		public String operatorId() {
			return this.claims.subject();
		}

	}

	/**
	 * A visitor: reaches the one room whose token it holds.
	 *
	 * @param tokenHash the hash of the presented room token
	 */
	record Visitor(String tokenHash) implements Caller {
	}

}
