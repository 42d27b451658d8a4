package com.chatsuite.auth.keys;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An RSA key pair that signs tokens for a while, then stays published so tokens it signed
 * can still be verified.
 *
 * @param kid the key id, also the JWT {@code kid}
 * @param jwk the key pair as a JWK (private parts included), encrypted with the
 * key-encryption key ({@link KeyEncryption})
 * @param signsFrom when it starts signing
 * @param signsUntil when the next key takes over
 * @param publishedUntil when it leaves the JWK set (the last token it signed has expired)
 */
@Document("signing_keys")
record SigningKey(@Id String kid, String jwk, Instant signsFrom, Instant signsUntil, Instant publishedUntil) {

	SigningKey withJwk(String stored) {
		return new SigningKey(this.kid, stored, this.signsFrom, this.signsUntil, this.publishedUntil);
	}

}
