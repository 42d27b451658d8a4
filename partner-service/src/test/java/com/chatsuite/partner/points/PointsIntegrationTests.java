package com.chatsuite.partner.points;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chatsuite.partner.PartnerApi;
import com.chatsuite.partner.PartnerIntegrationTest;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace's points: top-ups and deductions recorded in a ledger that always sums to
 * the balance, which never goes below zero, even under concurrent deductions; and the
 * {@code Idempotency-Key} replay and conflict rules on the same calls.
 */
@SuiteIntegrationTest
class PointsIntegrationTests extends PartnerIntegrationTest {

	@Autowired
	private ReactiveMongoTemplate mongo;

	@org.springframework.boot.test.web.server.LocalServerPort
	private int port;

	@Test
	void topUpAndDeductAreRecordedInTheLedger() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		JsonNode topped = body(partner.post(base + "/topup-points", Map.of("points", 120, "reason", "bought a pack"))
			.expectStatus()
			.isOk());
		assertThat(topped.path("data").path("id").asString()).isEqualTo(id);
		assertThat(topped.path("data").path("balance").asLong()).isEqualTo(120);
		JsonNode deducted = body(partner.post(base + "/deduct-points", Map.of("points", 20, "reason", "sms usage"))
			.expectStatus()
			.isOk());
		assertThat(deducted.path("data").path("balance").asLong()).isEqualTo(100);
		JsonNode ledger = body(partner.get(base + "/points").expectStatus().isOk()).path("data");
		assertThat(ledger.path("balance").asLong()).isEqualTo(100);
		assertThat(ledger.path("entries").size()).isEqualTo(2);
		assertThat(ledger.path("entries").path(0).path("points").asLong()).isEqualTo(-20);
		assertThat(ledger.path("entries").path(0).path("reason").asString()).isEqualTo("sms usage");
		assertThat(ledger.path("entries").path(0).path("balance").asLong()).isEqualTo(100);
		assertThat(ledger.path("entries").path(1).path("points").asLong()).isEqualTo(120);
		assertThat(ledger.path("entries").path(0).path("id").asString()).isNotBlank();
	}

	@Test
	void aDeductionBeyondTheBalanceIsAConflictAndChangesNothing() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		partner.post(base + "/topup-points", Map.of("points", 10, "reason", "r")).expectStatus().isOk();
		assertRejected(body(partner.post(base + "/deduct-points", Map.of("points", 11, "reason", "too much"))
			.expectStatus()
			.isEqualTo(409)), "points", "balance is 10");
		JsonNode ledger = body(partner.get(base + "/points").expectStatus().isOk()).path("data");
		assertThat(ledger.path("balance").asLong()).isEqualTo(10);
		assertThat(ledger.path("entries").size()).isEqualTo(1);
		assertRejected(body(partner.post(base + "/deduct-points", Map.of("points", 0, "reason", "r"))
			.expectStatus()
			.isBadRequest()), "points", "between 1");
		assertRejected(body(partner.post(base + "/topup-points", Map.of("points", 5)).expectStatus().isBadRequest()),
				"reason", "required");
	}

	@Test
	void fiftyConcurrentDeductionsNeverTakeTheBalanceBelowZero() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		partner.post(base + "/topup-points", Map.of("points", 30, "reason", "start")).expectStatus().isOk();
		WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + this.port).build();
		List<Integer> statuses = Flux.range(0, 50)
			.flatMap((i) -> client.post()
				.uri(base + "/deduct-points")
				.header("Authorization", "Bearer " + partner.key())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("points", 1, "reason", "deduction " + i))
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode()))
				.map(HttpStatusCode::value), 50)
			.collectList()
			.block(Duration.ofSeconds(120));
		assertThat(statuses).hasSize(50);
		assertThat(statuses.stream().filter((status) -> status == 200)).hasSize(30);
		assertThat(statuses.stream().filter((status) -> status == 409)).hasSize(20);
		JsonNode ledger = body(partner.get(base + "/points").expectStatus().isOk()).path("data");
		assertThat(ledger.path("balance").asLong()).isZero();
		long sum = 0;
		List<Long> balances = new ArrayList<>();
		for (JsonNode entry : ledger.path("entries")) {
			sum += entry.path("points").asLong();
			balances.add(entry.path("balance").asLong());
		}
		assertThat(sum).isEqualTo(ledger.path("balance").asLong());
		assertThat(ledger.path("entries").size()).isEqualTo(31);
		assertThat(balances).allMatch((balance) -> balance >= 0);
	}

	@Test
	void theSameIdempotencyKeyAndBodyAnswerTheFirstResultAndChangeNothingAgain() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = Map.of("points", 40, "reason", "pack");
		JsonNode first = body(partner.post(base + "/topup-points", body, key).expectStatus().isOk());
		JsonNode again = body(partner.post(base + "/topup-points", body, key)
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true"));
		assertThat(again).isEqualTo(first);
		assertThat(body(partner.get(base + "/points").expectStatus().isOk()).path("data").path("balance").asLong())
			.isEqualTo(40);

		assertRejected(body(partner.post(base + "/topup-points", Map.of("points", 41, "reason", "pack"), key)
			.expectStatus()
			.isEqualTo(422)), "Idempotency-Key", "another request");
		assertRejected(body(partner.post(base + "/deduct-points", body, key).expectStatus().isEqualTo(422)),
				"Idempotency-Key", "another request");
		// Keys belong to their partner: another partner's same key is a new request.
		PartnerApi other = newPartner();
		String otherId = other.newWorkspace("starter");
		other.post("/partner/workspace/" + otherId + "/topup-points", body, key)
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed");
	}

	@Test
	void idempotencyRecordsExpireADayAfterTheirRequest() {
		IndexInfo expiry = this.mongo.indexOps("idempotent_requests")
			.getIndexInfo()
			.filter((index) -> index.getName().equals("expiry"))
			.blockFirst(Duration.ofSeconds(10));
		assertThat(expiry).isNotNull();
		assertThat(expiry.getIndexFields()).extracting(IndexField::getKey).containsExactly("createdAt");
		assertThat(expiry.getExpireAfter()).contains(Duration.ofDays(1));
	}

	@Test
	void aFailedRequestLeavesItsKeyFreeForARetry() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		String key = UUID.randomUUID().toString();
		Map<String, Object> deduct = Map.of("points", 5, "reason", "usage");
		partner.post(base + "/deduct-points", deduct, key).expectStatus().isEqualTo(409);
		partner.post(base + "/topup-points", Map.of("points", 5, "reason", "r")).expectStatus().isOk();
		JsonNode retried = body(partner.post(base + "/deduct-points", deduct, key).expectStatus().isOk());
		assertThat(retried.path("data").path("balance").asLong()).isZero();
		partner.post(base + "/deduct-points", deduct, key)
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true");
		assertThat(body(partner.get(base + "/points").expectStatus().isOk()).path("data").path("entries").size())
			.isEqualTo(2);
	}

	@Test
	void aDeductionWhoseAnswerWasLostIsNotMadeAgainByItsRetry() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		partner.post(base + "/topup-points", Map.of("points", 100, "reason", "pack")).expectStatus().isOk();
		String key = UUID.randomUUID().toString();
		Map<String, Object> deduct = Map.of("points", 30, "reason", "usage");
		JsonNode first = body(partner.post(base + "/deduct-points", deduct, key).expectStatus().isOk());
		assertThat(first.path("data").path("balance").asLong()).isEqualTo(70);
		loseAnswer(partner, key);

		JsonNode retried = body(partner.post(base + "/deduct-points", deduct, key)
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed"));
		assertThat(retried.path("data").path("balance").asLong()).isEqualTo(70);
		JsonNode ledger = body(partner.get(base + "/points").expectStatus().isOk()).path("data");
		assertThat(ledger.path("balance").asLong()).isEqualTo(70);
		assertThat(ledger.path("entries").size()).isEqualTo(2);
		// The retry's answer is the one kept from now on.
		partner.post(base + "/deduct-points", deduct, key)
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true");
	}

	@Test
	void aCreationThatStoppedBetweenItsClientAndItsWorkspaceIsFinishedByItsRetry() {
		PartnerApi partner = newPartner();
		String key = UUID.randomUUID().toString();
		String name = "left" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = Map.of("name", "Left", "sub_domain", name, "plan", "starter", "client",
				Map.of("email", name + "@client.example", "name", "Cli"));
		JsonNode first = body(partner.post("/partner/workspace/create", body, key).expectStatus().isCreated());
		String id = first.path("data").path("id").asString();
		String clientId = first.path("data").path("client").path("id").asString();
		// As if the attempt had stopped right after storing the client: no workspace, no
		// answer.
		this.mongo.remove(Query.query(Criteria.where("_id").is(id)), "workspaces").block(Duration.ofSeconds(10));
		loseAnswer(partner, key);

		JsonNode retried = body(partner.post("/partner/workspace/create", body, key).expectStatus().isCreated());
		assertThat(retried.path("data").path("id").asString()).isEqualTo(id);
		assertThat(retried.path("data").path("client").path("id").asString()).isEqualTo(clientId);
		// The password shown now is the client's.
		String password = retried.path("data").path("client").path("password").asString();
		String hash = this.mongo.findById(clientId, Document.class, "clients")
			.block(Duration.ofSeconds(10))
			.getString("passwordHash");
		assertThat(new BCryptPasswordEncoder().matches(password, hash)).isTrue();
		assertThat(body(partner.get("/partner/clients").expectStatus().isOk()).path("data").path("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void anInvitationWhoseAnswerWasLostAnswersTheMemberToItsRetry() {
		PartnerApi partner = newPartner();
		String base = "/partner/workspace/" + partner.newWorkspace("starter");
		String key = UUID.randomUUID().toString();
		Map<String, Object> invite = Map.of("email", "ana@team.example", "role", "admin");
		JsonNode first = body(partner.post(base + "/invite-member", invite, key).expectStatus().isOk());
		loseAnswer(partner, key);

		JsonNode retried = body(partner.post(base + "/invite-member", invite, key).expectStatus().isOk());
		assertThat(retried.path("data")).isEqualTo(first.path("data"));
		assertThat(body(partner.get(base + "/members").expectStatus().isOk()).path("data").size()).isEqualTo(1);
		// Another invitation of the same person is still a conflict.
		assertRejected(body(partner.post(base + "/invite-member", invite).expectStatus().isEqualTo(409)), "email",
				"a member of this workspace already");
	}

	@Test
	void creatingAWorkspaceTwiceWithOneKeyMakesOneWorkspace() {
		PartnerApi partner = newPartner();
		String key = UUID.randomUUID().toString();
		String name = "idem" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = Map.of("name", "Once", "sub_domain", name, "plan", "starter", "client",
				Map.of("email", name + "@client.example", "name", "Cli"));
		JsonNode first = body(partner.post("/partner/workspace/create", body, key).expectStatus().isCreated());
		JsonNode again = body(partner.post("/partner/workspace/create", body, key).expectStatus().isCreated());
		assertThat(again.path("data").path("id")).isEqualTo(first.path("data").path("id"));
		// The generated password is shown once and never stored, so the replay leaves it
		// out.
		assertThat(first.path("data").path("client").path("password").asString()).isNotBlank();
		assertThat(again.path("data").path("client").has("password")).isFalse();
		assertThat(again.path("data").path("client").path("email"))
			.isEqualTo(first.path("data").path("client").path("email"));
		assertThat(body(partner.get("/partner/workspaces").expectStatus().isOk()).path("data").path("total").asLong())
			.isEqualTo(1);
		String id = first.path("data").path("id").asString();

		// Its answer lost: the retry answers the workspace made, not "sub_domain taken".
		loseAnswer(partner, key);
		JsonNode retried = body(partner.post("/partner/workspace/create", body, key).expectStatus().isCreated());
		assertThat(retried.path("data").path("id").asString()).isEqualTo(id);
		assertThat(retried.path("data").path("client").has("password")).isFalse();
		assertThat(body(partner.get("/partner/workspaces").expectStatus().isOk()).path("data").path("total").asLong())
			.isEqualTo(1);
		String secondKey = UUID.randomUUID().toString();
		Map<String, Object> second = Map.of("name", "Twice", "sub_domain", name + "b", "plan", "starter",
				"client_email", name + "@client.example");
		JsonNode made = body(partner.post("/partner/workspace/create-for-existing-user", second, secondKey)
			.expectStatus()
			.isCreated());
		loseAnswer(partner, secondKey);
		assertThat(body(partner.post("/partner/workspace/create-for-existing-user", second, secondKey)
			.expectStatus()
			.isCreated()).path("data").path("id")).isEqualTo(made.path("data").path("id"));
		assertThat(body(partner.get("/partner/workspaces").expectStatus().isOk()).path("data").path("total").asLong())
			.isEqualTo(2);
		String deleteKey = UUID.randomUUID().toString();
		partner.send(org.springframework.http.HttpMethod.DELETE, "/partner/workspace/" + id, null, deleteKey)
			.expectStatus()
			.isOk();
		partner.send(org.springframework.http.HttpMethod.DELETE, "/partner/workspace/" + id, null, deleteKey)
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true");
	}

}
