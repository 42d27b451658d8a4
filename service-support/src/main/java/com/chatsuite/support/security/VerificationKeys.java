package com.chatsuite.support.security;

import com.nimbusds.jose.JWSVerifier;
import reactor.core.publisher.Mono;

/**
 * Where a verifier finds the public key a token was signed with.
 */
public interface VerificationKeys {

	/**
	 * The verifier for a key id.
	 * @param keyId the {@code kid} of a token
	 * @return the verifier, empty when no such key is published
	 */
	Mono<JWSVerifier> verifierFor(String keyId);

}
