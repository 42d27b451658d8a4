package com.chatsuite.auth.keys;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, before the service is ready: refuses to start when the stored signing keys
 * cannot be decrypted with the configured key-encryption key, and encrypts keys stored in
 * clear by an earlier version. When MongoDB cannot be reached the check is left to the
 * first use of a key (answered 503 until it can).
 */
@Component
class StoredKeysCheck implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(StoredKeysCheck.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final SigningKeyRepository keys;

	private final KeyEncryption encryption;

	StoredKeysCheck(SigningKeyRepository keys, KeyEncryption encryption) {
		this.keys = keys;
		this.encryption = encryption;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			Long sealed = this.keys.findAll().concatMap(this::check).count().block(TIMEOUT);
			if (sealed != null && sealed > 0) {
				logger.info("Encrypted " + sealed + " signing key(s) stored in clear");
			}
		}
		catch (KeyEncryption.WrongKeyEncryptionKey ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check the stored signing keys at start (" + ex.getMessage()
					+ "); they are checked when first used");
		}
	}

	/** Seals a key stored in clear (emits it) or checks that a sealed one opens. */
	private Mono<SigningKey> check(SigningKey stored) {
		if (KeyEncryption.isClear(stored.jwk())) {
			return this.keys.save(stored.withJwk(this.encryption.seal(stored.jwk())));
		}
		return Mono.fromRunnable(() -> this.encryption.open(stored.jwk()));
	}

}
