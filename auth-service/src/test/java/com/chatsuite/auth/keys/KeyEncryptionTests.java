package com.chatsuite.auth.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.chatsuite.auth.AuthProperties;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class KeyEncryptionTests {

	private static final String KEY = "dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=";

	private static final String OTHER_KEY = "b3RoZXIta2V5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=";

	@Test
	void aSealedKeyShowsNoPrivatePartAndOpensWithTheSameKey() throws Exception {
		RSAKey jwk = new RSAKeyGenerator(2048).keyID("k1").generate();
		String sealed = encryption(KEY).seal(jwk.toJSONString());
		assertThat(sealed).doesNotContain(jwk.getPrivateExponent().toString()).doesNotStartWith("{");
		assertThat(RSAKey.parse(encryption(KEY).open(sealed))).isEqualTo(jwk);
	}

	@Test
	void aWrongKeyEncryptionKeyIsNamedAsSuch() {
		String sealed = encryption(KEY).seal("{\"kty\":\"RSA\"}");
		assertThatIllegalStateException().isThrownBy(() -> encryption(OTHER_KEY).open(sealed))
			.withMessageContaining("encrypted with key-encryption key")
			.withMessageContaining("suite.auth.keys.encryption-key");
	}

	@Test
	void aMissingOrMalformedKeyIsRefusedSayingWhatIsNeeded() {
		for (String bad : new String[] { null, "", "too-short", "bm90IDMyIGJ5dGVz" }) {
			assertThatIllegalStateException().isThrownBy(() -> encryption(bad))
				.withMessageContaining("suite.auth.keys.encryption-key")
				.withMessageContaining("SUITE_AUTH_KEYS_ENCRYPTIONKEY");
		}
	}

	@Test
	void startRefusedWhenStoredKeysWereSealedWithAnotherKey() {
		SigningKeyRepository repository = mock(SigningKeyRepository.class);
		given(repository.findAll()).willReturn(Flux.just(stored(encryption(OTHER_KEY).seal("{\"kty\":\"RSA\"}"))));
		StoredKeysCheck check = new StoredKeysCheck(repository, encryption(KEY));
		assertThatIllegalStateException().isThrownBy(() -> check.run(null))
			.withMessageContaining("configure the key they were encrypted with");
	}

	@Test
	void keysStoredInClearAreSealedAtStart() {
		SigningKeyRepository repository = mock(SigningKeyRepository.class);
		given(repository.findAll()).willReturn(Flux.just(stored("{\"kty\":\"RSA\",\"d\":\"secret\"}")));
		given(repository.save(any())).willAnswer((call) -> Mono.just(call.getArgument(0)));
		new StoredKeysCheck(repository, encryption(KEY)).run(null);
		verify(repository).save(org.mockito.ArgumentMatchers.argThat((SigningKey key) -> !key.jwk().contains("secret")
				&& encryption(KEY).open(key.jwk()).contains("secret")));
	}

	private static SigningKey stored(String jwk) {
		Instant now = Instant.now();
		return new SigningKey("k1", jwk, now, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
	}

	private static KeyEncryption encryption(String key) {
		return new KeyEncryption(
				new AuthProperties("chat-suite", Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofHours(1),
						Duration.ofDays(30), List.of("livechat"), new AuthProperties.PlatformAdmin("a", "b"),
						new AuthProperties.Keys(Duration.ofHours(24), Duration.ofMinutes(1), key),
						new AuthProperties.Login(5, Duration.ofMinutes(15), Duration.ofMinutes(15)),
						new AuthProperties.Demo(false, "demo", "owner@demo.example", ""),
						new AuthProperties.Announcements(Duration.ofHours(24), Duration.ofMinutes(10), 500)));
	}

}
