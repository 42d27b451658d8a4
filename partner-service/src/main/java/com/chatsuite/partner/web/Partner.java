package com.chatsuite.partner.web;

import java.util.Objects;

/**
 * The partner a request acts for: the organisation of its verified API key. Its
 * workspaces, clients and webhooks are the only ones it can see.
 *
 * @param id the partner's organisation id
 */
public record Partner(String id) {

	public Partner {
		Objects.requireNonNull(id, "id");
	}

}
