package com.chatsuite.directory.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of a website embedding the widget, as stored: without scheme, lower case,
 * internationalised names in their ASCII (punycode) form. Anything that is not a bare
 * host name (a scheme, a path, a port, user information, characters a host name cannot
 * have) is refused rather than guessed at.
 *
 * @param value the normalised name
 */
public record DomainName(String value) {

	private static final int MAX_LENGTH = 253;

	private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	/**
	 * Normalises and checks a name as given by a client.
	 * @param raw the name given
	 * @return the name
	 * @throws IllegalArgumentException saying what is wrong with it
	 */
	public static DomainName parse(String raw) {
		String text = raw.trim();
		if (text.contains("://")) {
			throw new IllegalArgumentException(
					"must be given without scheme (http:// or https://), as in 'shop.example', not '" + raw + "'");
		}
		if (text.indexOf('/') >= 0 || text.indexOf('?') >= 0 || text.indexOf('#') >= 0) {
			throw new IllegalArgumentException("must be a bare domain name without a path, not '" + raw + "'");
		}
		if (text.indexOf(':') >= 0) {
			throw new IllegalArgumentException("must be a bare domain name without a port, not '" + raw + "'");
		}
		if (text.indexOf('@') >= 0) {
			throw new IllegalArgumentException(
					"must be a bare domain name without user information, not '" + raw + "'");
		}
		String ascii = toAscii(text, raw);
		if (ascii.endsWith(".")) {
			ascii = ascii.substring(0, ascii.length() - 1);
		}
		if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("must have 1 to " + MAX_LENGTH + " characters");
		}
		for (String label : ascii.split("\\.", -1)) {
			if (!LABEL.matcher(label).matches()) {
				throw new IllegalArgumentException("'" + raw
						+ "' is not a valid domain name: dot-separated labels of letters, digits and inner hyphens, at most 63 each");
			}
		}
		return new DomainName(ascii);
	}

	private static String toAscii(String text, String raw) {
		try {
			return IDN.toASCII(text, 0).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			// IDN's own message names the parser's exception class.
			throw new IllegalArgumentException("'" + raw
					+ "' is not a valid domain name: it has characters an internationalised domain name cannot have");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
