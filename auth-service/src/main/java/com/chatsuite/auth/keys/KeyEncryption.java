package com.chatsuite.auth.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.spec.SecretKeySpec;

import com.chatsuite.auth.AuthProperties;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;

import org.springframework.stereotype.Component;

/**
 * Encrypts the private signing keys before they are stored, with the key-encryption key
 * of {@code suite.auth.keys.encryption-key} (JWE, direct AES-256-GCM): whoever reads the
 * database without that key cannot mint tokens. Each stored key names the key-encryption
 * key it was sealed with (a fingerprint), so a wrong one is reported as such.
 */
@Component
class KeyEncryption {

	static final String PROPERTY = "suite.auth.keys.encryption-key";

	private static final String HOW = " It must be 32 random bytes, base64-encoded (openssl rand -base64 32),"
			+ " given as SUITE_AUTH_KEYS_ENCRYPTIONKEY (a Secret in Kubernetes).";

	private final DirectEncrypter encrypter;

	private final DirectDecrypter decrypter;

	private final String fingerprint;

	KeyEncryption(AuthProperties properties) {
		byte[] key = decode(properties.keys().encryptionKey());
		SecretKeySpec secret = new SecretKeySpec(key, "AES");
		try {
			this.encrypter = new DirectEncrypter(secret);
			this.decrypter = new DirectDecrypter(secret);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(PROPERTY + " is not a usable AES-256 key." + HOW, ex);
		}
		this.fingerprint = fingerprint(key);
	}

	/**
	 * Encrypts a private JWK for storage.
	 * @param jwk the JWK JSON
	 * @return the JWE compact serialisation
	 */
	String seal(String jwk) {
		JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(this.fingerprint)
			.build();
		JWEObject jwe = new JWEObject(header, new Payload(jwk));
		try {
			jwe.encrypt(this.encrypter);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not encrypt a signing key", ex);
		}
		return jwe.serialize();
	}

	/**
	 * Decrypts a stored private JWK.
	 * @param sealed what {@link #seal} made
	 * @return the JWK JSON
	 * @throws WrongKeyEncryptionKey when it cannot be decrypted with the configured key
	 */
	String open(String sealed) {
		try {
			JWEObject jwe = JWEObject.parse(sealed);
			String sealedWith = jwe.getHeader().getKeyID();
			if (!this.fingerprint.equals(sealedWith)) {
				throw new WrongKeyEncryptionKey(
						"The signing keys are encrypted with key-encryption key " + sealedWith + ", but " + PROPERTY
								+ " is key " + this.fingerprint + ": configure the key they were" + " encrypted with.");
			}
			jwe.decrypt(this.decrypter);
			return jwe.getPayload().toString();
		}
		catch (ParseException | JOSEException ex) {
			throw new WrongKeyEncryptionKey("A stored signing key cannot be decrypted with " + PROPERTY + " (key "
					+ this.fingerprint + "): " + ex.getMessage());
		}
	}

	/**
	 * Whether a stored key is still in clear, as written before keys were encrypted.
	 * @param stored the stored form
	 * @return {@code true} for a clear JWK
	 */
	static boolean isClear(String stored) {
		return stored.startsWith("{");
	}

	private static byte[] decode(String encoded) {
		if (encoded == null || encoded.isBlank()) {
			throw new IllegalStateException(
					PROPERTY + " is not set: auth-service encrypts its signing keys with it." + HOW);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(encoded.trim());
		}
		catch (IllegalArgumentException ex) {
			key = null;
		}
		if (key == null || key.length != 32) {
			throw new IllegalStateException(PROPERTY + " is not a 256-bit key." + HOW);
		}
		return key;
	}

	private static String fingerprint(byte[] key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("chat-suite kek " + Base64.getEncoder().encodeToString(key)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The configured key-encryption key is not the one the stored keys were sealed with.
	 */
	static final class WrongKeyEncryptionKey extends IllegalStateException {

		WrongKeyEncryptionKey(String message) {
			super(message);
		}

	}

}
