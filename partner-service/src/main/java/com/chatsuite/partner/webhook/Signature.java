package com.chatsuite.partner.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} + base64 of HMAC-SHA256 over
 * {@code id.timestamp.body}, keyed with the base64-decoded part of the endpoint's
 * {@code whsec_} secret. Tests verify these with the reference implementation.
 */
final class Signature {

	static final String SECRET_PREFIX = "whsec_";

	private static final int SECRET_BYTES = 32;

	private static final SecureRandom random = new SecureRandom();

	private Signature() {
	}

	/** A new endpoint secret. */
	static String newSecret() {
		byte[] key = new byte[SECRET_BYTES];
		random.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/**
	 * The {@code webhook-signature} header value.
	 * @param secret the endpoint's secret
	 * @param id the {@code webhook-id}
	 * @param timestamp the {@code webhook-timestamp}, epoch seconds
	 * @param body the body sent
	 * @return {@code v1,<base64>}
	 */
	static String sign(String secret, String id, long timestamp, String body) {
		byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
