package com.chatsuite.chatroom.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Room tokens: 256 random bits shown once to the visitor who opened the room, stored only
 * as a SHA-256 hash (a token is random, so no slow hash is needed) and compared in
 * constant time.
 */
public final class RoomTokens {

	/** The header a visitor presents its room token in. */
	public static final String HEADER = "X-Room-Token";

	private static final SecureRandom random = new SecureRandom();

	private RoomTokens() {
	}

	/**
	 * A new room token.
	 * @return 43 URL-safe characters
	 */
	public static String generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The stored form of a token.
	 * @param token the token
	 * @return its SHA-256, hexadecimal
	 */
	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * Tells whether a presented token is the room's, in time that does not depend on
	 * where they differ.
	 * @param presentedHash the hash of the presented token
	 * @param storedHash the room's hash
	 * @return whether they are equal
	 */
	public static boolean matches(String presentedHash, String storedHash) {
		if (presentedHash == null || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(presentedHash.getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
