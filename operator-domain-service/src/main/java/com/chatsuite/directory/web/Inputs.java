package com.chatsuite.directory.web;

import com.chatsuite.directory.Email;
import com.chatsuite.support.web.ApiException;

/**
 * Reads values of request fields that need more than a type check.
 */
public final class Inputs {

	private Inputs() {
	}

	/**
	 * Reads an email address.
	 * @param raw the text given
	 * @param field the request field, named in the 400
	 * @return the normalised address; 400 when it is not one
	 */
	public static Email email(String raw, String field) {
		try {
			return Email.parse(raw);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(field, field + " " + ex.getMessage());
		}
	}

}
