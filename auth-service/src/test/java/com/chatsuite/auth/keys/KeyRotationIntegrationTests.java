package com.chatsuite.auth.keys;

import java.time.Duration;
import java.util.List;

import com.chatsuite.auth.AuthApiSupport;
import com.chatsuite.testsupport.MovableClockConfiguration;
import com.chatsuite.testsupport.MutableClock;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation and token expiry with a clock the test moves: no sleeping.
 */
@Import(MovableClockConfiguration.class)
@SuiteIntegrationTest(properties = { "spring.mongodb.database=auth-rotation-tests", "suite.auth.keys.signing-period=2h",
		"suite.auth.keys.check-interval=1h" })
class KeyRotationIntegrationTests extends AuthApiSupport {

	@Autowired
	private MutableClock clock;

	@Autowired
	private SigningKeys keys;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void newKeyTakesOverAndTheOldOneStaysPublishedUntilItsTokensExpire() throws Exception {
		JsonNode organisation = api().createOrganisation(List.of("livechat"));
		JsonNode before = api().login(organisation, "livechat");
		String oldKid = kid(before.path("access_token").asString());
		assertThat(publishedKids()).contains(oldKid);

		this.clock.advance(Duration.ofHours(2).plusMinutes(1));
		StepVerifier.create(this.keys.refresh()).expectNextCount(1).verifyComplete();
		JsonNode after = body(
				regenerate(before.path("access_token").asString(), before.path("refresh_token").asString())
					.expectStatus()
					.isOk())
			.path("data");
		String newKid = kid(after.path("access_token").asString());
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(publishedKids()).contains(oldKid, newKid);

		// Past the old key's signing period plus the longest token lifetime: gone.
		this.clock.advance(Duration.ofHours(1).plusMinutes(10));
		assertThat(publishedKids()).doesNotContain(oldKid);
	}

	@Test
	void storedSigningKeysHoldNoPrivateKeyInClear() {
		api().login(api().createOrganisation(List.of("livechat")), "livechat");
		List<Document> stored = this.mongo.findAll(Document.class, "signing_keys").collectList().block();
		assertThat(stored).isNotEmpty()
			.allSatisfy((key) -> assertThat(key.getString("jwk")).doesNotStartWith("{")
				.doesNotContain("\"d\"")
				.doesNotContain("\"p\""));
	}

	@Test
	void expiredAccessTokenFailsValidationButCanStillBeRegenerated() {
		JsonNode organisation = api().createOrganisation(List.of("livechat"));
		JsonNode pair = api().login(organisation, "livechat");
		this.clock.advance(Duration.ofMinutes(61));
		validate(pair.path("access_token").asString(), pair.path("refresh_token").asString(), "livechat").expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).contains("expired"));
		regenerate(pair.path("access_token").asString(), pair.path("refresh_token").asString()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.expire_in")
			.isEqualTo(3600);
	}

	private List<String> publishedKids() {
		JsonNode jwks = body(this.web.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk());
		List<String> kids = new java.util.ArrayList<>();
		jwks.path("keys").forEach((key) -> {
			assertThat(key.has("d")).as("private parts are never published").isFalse();
			kids.add(key.path("kid").asString());
		});
		return kids;
	}

	private static String kid(String token) throws Exception {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

}
