package com.chatsuite.auth.token;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.chatsuite.auth.AuthApiSupport;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SuiteIntegrationTest
class AccessTokenIntegrationTests extends AuthApiSupport {

	@Autowired
	private EventJson json;

	@Autowired
	private LoginThrottle throttle;

	@Autowired
	private ReactiveMongoTemplate mongo;

	private JsonNode organisation;

	@BeforeEach
	void organisation() {
		this.organisation = api().createOrganisation(List.of("livechat", "partner"));
	}

	@Test
	void loginAnswersTheDocumentedTokenPair() {
		webGet(this.organisation.path("email").asString(), PASSWORD, "livechat").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(1)
			.jsonPath("$.data.access_token")
			.isNotEmpty()
			.jsonPath("$.data.refresh_token")
			.isNotEmpty()
			.jsonPath("$.data.expire_in")
			.isEqualTo(3600)
			.jsonPath("$.data.organisation_domain")
			.isEqualTo(this.organisation.path("organisation_domain").asString())
			.jsonPath("$.data.length()")
			.isEqualTo(4);
	}

	@Test
	void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
		byte[] wrongPassword = webGet(this.organisation.path("email").asString(), "not the password", "livechat")
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult()
			.getResponseBody();
		byte[] unknownEmail = webGet("nobody@nowhere.example", PASSWORD, "livechat").expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(wrongPassword)).isEqualTo(new String(unknownEmail))
			.contains("\"status\":0")
			.contains("email or password is wrong");
	}

	@Test
	void addonNotInstalledIsNotFoundAndUnknownAddonToo() {
		webGet(this.organisation.path("email").asString(), PASSWORD, "seller_buyer_chat_system").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("addon_unique_name")
			.jsonPath("$.message")
			.value((message) -> assertThat((String) message).contains("not installed"));
		webGet(this.organisation.path("email").asString(), PASSWORD, "no_such_addon").expectStatus().isNotFound();
	}

	@Test
	void missingFieldIsABadRequestNamingIt() {
		this.web.get()
			.uri("/admin/access-token?email=a@b.example&password=x&organisation_domain=d")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(0)
			.jsonPath("$.errors[0].field")
			.isEqualTo("addon_unique_name");
	}

	@Test
	void repeatedFailedLoginsAreThrottledWithRetryAfter() {
		String email = this.organisation.path("email").asString();
		for (int attempt = 0; attempt < 5; attempt++) {
			webGet(email, "wrong-" + attempt, "livechat").expectStatus().isUnauthorized();
		}
		webGet(email, PASSWORD, "livechat").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(0);
	}

	@Test
	void aLookAlikeOfTheEmailNeitherLogsInNorEscapesTheLockOut() {
		String domain = "org-" + UUID.randomUUID().toString().substring(0, 8);
		String email = "support@" + domain + ".example";
		api().createOrganisation(domain, email, PASSWORD, List.of("livechat")).expectStatus().isCreated();
		for (int attempt = 0; attempt < 5; attempt++) {
			login(domain, email, "wrong-" + attempt).expectStatus().isUnauthorized();
		}
		login(domain, email, PASSWORD).expectStatus().isEqualTo(429);
		// "ſ" (long s) upper-cases to "S": equalsIgnoreCase took it for the account,
		// under a lock-out of its own.
		login(domain, email.replace('s', '\u017f'), PASSWORD).expectStatus().isUnauthorized();
		login(domain, email.toUpperCase(Locale.ROOT), PASSWORD).expectStatus().isEqualTo(429);
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsRefusedNamingTheFieldAndNeverMatches() {
		String domain = "org-" + UUID.randomUUID().toString().substring(0, 8);
		String tooLong = "\u00e9".repeat(37);
		JsonNode refused = body(
				api().createOrganisation(domain, "owner@" + domain + ".example", tooLong, List.of("livechat"))
					.expectStatus()
					.isBadRequest());
		assertThat(refused.path("errors").path(0).path("field").asString()).isEqualTo("password");
		assertThat(refused.path("message").asString()).contains("at most 72 bytes");
		webGet(this.organisation.path("email").asString(), tooLong, "livechat").expectStatus().isUnauthorized();
	}

	@Test
	void credentialsAreKeptByNoCache() {
		webGet(this.organisation.path("email").asString(), PASSWORD, "livechat").expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.noStore());
	}

	@Test
	void failuresAtOnceAreAllCounted() {
		String account = "throttle-" + System.nanoTime() + "|someone@example.test";
		Flux.range(0, 4).flatMap((attempt) -> this.throttle.failed(account), 4).blockLast(Duration.ofSeconds(10));
		Document state = this.mongo.findById(account, Document.class, "login_failures").block(Duration.ofSeconds(10));
		assertThat(state.getInteger("failures")).isEqualTo(4);
		this.throttle.failed(account).block(Duration.ofSeconds(10));
		StepVerifier.create(this.throttle.check(account))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("too many failed attempts"))
			.verify();
	}

	@Test
	void validateAcceptsTheMatchingPairAsJsonAndAsForm() {
		JsonNode pair = api().login(this.organisation, "livechat");
		Map<String, String> fields = Map.of("access_token", pair.path("access_token").asString(), "refresh_token",
				pair.path("refresh_token").asString(), "addon_unique_name", "livechat");
		this.web.post()
			.uri("/admin/access-token/validate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(fields)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(1)
			.jsonPath("$.data.access_token")
			.isEqualTo(pair.path("access_token").asString())
			.jsonPath("$.data.organisation_domain")
			.isEqualTo(this.organisation.path("organisation_domain").asString());
		this.web.post()
			.uri("/admin/access-token/validate")
			.body(BodyInserters.fromFormData("access_token", fields.get("access_token"))
				.with("refresh_token", fields.get("refresh_token"))
				.with("addon_unique_name", "livechat"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void validateRefusesAnotherAddonAndAMismatchedPair() {
		JsonNode livechat = api().login(this.organisation, "livechat");
		JsonNode partner = api().login(this.organisation, "partner");
		validate(livechat.path("access_token").asString(), livechat.path("refresh_token").asString(), "partner")
			.expectStatus()
			.isUnauthorized();
		validate(livechat.path("access_token").asString(), partner.path("refresh_token").asString(), "livechat")
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("refresh_token");
		validate(livechat.path("access_token").asString(), livechat.path("refresh_token").asString(), "teleport")
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("addon_unique_name");
	}

	@Test
	void regenerateRotatesThePairAndAReplayedRefreshTokenKillsTheChain() throws Exception {
		JsonNode first = api().login(this.organisation, "livechat");
		JsonNode second = body(
				regenerate(first.path("access_token").asString(), first.path("refresh_token").asString()).expectStatus()
					.isOk())
			.path("data");
		assertThat(second.path("refresh_token").asString()).isNotEqualTo(first.path("refresh_token").asString());
		assertThat(second.path("expire_in").asInt()).isEqualTo(3600);
		validate(second.path("access_token").asString(), second.path("refresh_token").asString(), "livechat")
			.expectStatus()
			.isOk();

		try (EventCollector revocations = EventCollector.of(Topics.AUTH_REVOCATIONS)) {
			// The first refresh token again: reuse, so the whole session is revoked.
			regenerate(first.path("access_token").asString(), first.path("refresh_token").asString()).expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.message")
				.value((message) -> assertThat((String) message).contains("already used"));
			validate(second.path("access_token").asString(), second.path("refresh_token").asString(), "livechat")
				.expectStatus()
				.isUnauthorized();
			regenerate(second.path("access_token").asString(), second.path("refresh_token").asString()).expectStatus()
				.isUnauthorized();
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(revocations.records())
					.map((record) -> this.json.fromBytes(record.value()).data())
					.anySatisfy((data) -> {
						assertThat(data).isInstanceOf(TokenRevoked.class);
						assertThat(((TokenRevoked) data).scope()).isEqualTo(RevocationScope.SESSION);
					}));
		}
	}

	@Test
	void malformedJsonAndUnsupportedMediaTypeAreClearClientErrors() {
		this.web.post()
			.uri("/admin/access-token/validate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"access_token\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("request body is not valid JSON");
		this.web.post()
			.uri("/admin/access-token/validate")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(0);
	}

	@Test
	void oversizedBodiesAreRefusedWith413AndTheNextRequestsAreAnswered() {
		String big = "x".repeat(1024 * 1024 + 1);
		JsonNode pair = api().login(this.organisation, "livechat");
		// Each refusal once broke its connection (a request buffer released twice), and
		// the request sent next on it waited for an answer that never came.
		for (int round = 0; round < 15; round++) {
			this.web.post()
				.uri("/admin/access-token/regenerate")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"access_token\":\"" + big + "\"}")
				.exchange()
				.expectStatus()
				.isEqualTo(413)
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(0);
			this.web.post()
				.uri("/admin/access-token/validate")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("access_token=" + big)
				.exchange()
				.expectStatus()
				.isEqualTo(413);
			validate(pair.path("access_token").asString(), pair.path("refresh_token").asString(), "livechat")
				.expectStatus()
				.isOk();
		}
	}

	private WebTestClient.ResponseSpec login(String domain, String email, String password) {
		return this.web.get()
			.uri((uri) -> uri.path("/admin/access-token")
				.queryParam("email", email)
				.queryParam("password", password)
				.queryParam("organisation_domain", domain)
				.queryParam("addon_unique_name", "livechat")
				.build())
			.exchange();
	}

	private WebTestClient.ResponseSpec webGet(String email, String password, String addon) {
		return this.web.get()
			.uri((uri) -> uri.path("/admin/access-token")
				.queryParam("email", email)
				.queryParam("password", password)
				.queryParam("organisation_domain", this.organisation.path("organisation_domain").asString())
				.queryParam("addon_unique_name", addon)
				.build())
			.exchange();
	}

}
