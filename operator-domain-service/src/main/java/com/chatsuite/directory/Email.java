package com.chatsuite.directory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, trimmed and lower-cased, so that one person is one address.
 *
 * @param value the normalised address
 */
public record Email(String value) {

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]+");

	private static final int MAX_LENGTH = 254;

	/**
	 * Normalises and checks an address as given by a client.
	 * @param raw the address given
	 * @return the address
	 * @throws IllegalArgumentException saying what is wrong with it
	 */
	public static Email parse(String raw) {
		String value = raw.trim().toLowerCase(Locale.ROOT);
		if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("must be a valid email address, not '" + raw + "'");
		}
		return new Email(value);
	}

	/** The part before the {@code @}, a fallback display name. */
	public String localPart() {
		return this.value.substring(0, this.value.indexOf('@'));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
