package com.chatsuite.directory.domain;

import com.chatsuite.directory.Email;

/**
 * What an update of a domain asks to change; {@code null} keeps a field.
 *
 * @param name the new name
 * @param active the new status
 * @param email the new contact email
 */
record DomainChanges(DomainName name, Boolean active, Email email) {

	/** Tells whether nothing at all is asked. */
	boolean isEmpty() {
		return this.name == null && this.active == null && this.email == null;
	}

}
