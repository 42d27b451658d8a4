package com.chatsuite.partner.renewal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.partner.AutoRenewFailed;
import com.chatsuite.partner.PartnerApi;
import com.chatsuite.partner.PartnerIntegrationTest;
import com.chatsuite.partner.points.Points;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-renewal at the end of a plan period, in virtual time: the plan's price is paid in
 * points for a new period, once however many rounds run at once; without enough points
 * the workspace is paused with the reason and the partner is told.
 */
@SuiteIntegrationTest
class AutoRenewalIntegrationTests extends PartnerIntegrationTest {

	private static final Duration ROUND = Duration.ofMinutes(1);

	@Autowired
	private AutoRenewal renewal;

	@Autowired
	private Points points;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void renewalPaysEachPeriodUntilThePointsRunOutThenPausesAndTellsThePartner() throws Exception {
		try (EventCollector published = EventCollector.of(Topics.PARTNER_WORKSPACES)) {
			PartnerApi partner = newPartner();
			String id = partner.newWorkspace("starter");
			String base = "/partner/workspace/" + id;
			autoRenewing(partner, base, 250);
			Instant firstEnd = periodEnd(partner, id);

			this.clock.advance(Duration.ofDays(31));
			runOneRound();
			assertThat(periodEnd(partner, id)).isEqualTo(firstEnd.plus(Duration.ofDays(30)));
			assertThat(balance(partner, id)).isEqualTo(150);

			this.clock.advance(Duration.ofDays(30));
			runOneRound();
			assertThat(balance(partner, id)).isEqualTo(50);
			assertThat(periodEnd(partner, id)).isEqualTo(firstEnd.plus(Duration.ofDays(60)));

			this.clock.advance(Duration.ofDays(30));
			runOneRound();
			JsonNode paused = body(partner.get(base).expectStatus().isOk()).path("data");
			assertThat(paused.path("status").asString()).isEqualTo("paused");
			assertThat(paused.path("paused_reason").asString()).contains("auto-renewal failed")
				.contains("costs 100 points, the balance is 50");
			assertThat(balance(partner, id)).isEqualTo(50);
			JsonNode ledger = body(partner.get(base + "/points").expectStatus().isOk()).path("data");
			assertThat(ledger.path("entries").size()).isEqualTo(3);
			assertThat(ledger.path("entries").path(0).path("reason").asString())
				.startsWith("auto-renewal of plan starter");

			AutoRenewFailed failed = (AutoRenewFailed) eventually().until(() -> published.records()
				.stream()
				.map((record) -> this.json.fromBytes(record.value()).data())
				.filter((data) -> data instanceof AutoRenewFailed event && event.workspaceId().equals(id))
				.findFirst()
				.orElse(null), (found) -> found != null);
			assertThat(failed.price()).isEqualTo(100);
			assertThat(failed.balance()).isEqualTo(50);
		}
	}

	@Test
	void aPeriodIsPaidOnceWhenRoundsRunAtTheSameTime() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		autoRenewing(partner, base, 1000);
		Instant firstEnd = periodEnd(partner, id);
		this.clock.advance(Duration.ofDays(31));
		Mono.zip(this.renewal.renewDue(), this.renewal.renewDue(), this.renewal.renewDue())
			.block(Duration.ofSeconds(60));
		assertThat(balance(partner, id)).isEqualTo(900);
		assertThat(periodEnd(partner, id)).isEqualTo(firstEnd.plus(Duration.ofDays(30)));
		assertThat(body(partner.get(base + "/points").expectStatus().isOk()).path("data").path("entries").size())
			.isEqualTo(2);
	}

	@Test
	void aPeriodPaidByARoundThatStoppedBeforeItsNewPeriodIsNotPaidAgain() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		autoRenewing(partner, base, 250);
		Instant firstEnd = periodEnd(partner, id);
		this.clock.advance(Duration.ofDays(31));
		// What a round leaves behind when it stops after paying and before writing the
		// new period: the period's payment in the ledger, the period unchanged.
		this.points
			.change(id, partner.partnerId(), -100, "auto-renewal of plan starter",
					"renewal:" + id + ":" + firstEnd.toEpochMilli())
			.block(Duration.ofSeconds(30));
		assertThat(balance(partner, id)).isEqualTo(150);

		runOneRound();
		assertThat(periodEnd(partner, id)).isEqualTo(firstEnd.plus(Duration.ofDays(30)));
		assertThat(balance(partner, id)).isEqualTo(150);
		assertThat(body(partner.get(base + "/points").expectStatus().isOk()).path("data").path("entries").size())
			.isEqualTo(2);
	}

	@Test
	void aWorkspaceThatCannotBeRenewedDoesNotStopTheRoundForTheOthers() {
		PartnerApi partner = newPartner();
		String retired = partner.newWorkspace("starter");
		String id = partner.newWorkspace("starter");
		for (String workspace : List.of(retired, id)) {
			autoRenewing(partner, "/partner/workspace/" + workspace, 500);
		}
		// Its plan was taken out of the catalogue since; its period ends first.
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(retired)),
					Update.update("plan", "retired").set("periodEndsAt", Instant.EPOCH), "workspaces")
			.block(Duration.ofSeconds(10));
		Instant end = periodEnd(partner, id);
		this.clock.advance(Duration.ofDays(31));
		this.renewal.renewDue().block(Duration.ofSeconds(60));
		assertThat(periodEnd(partner, id)).isEqualTo(end.plus(Duration.ofDays(30)));
		assertThat(balance(partner, id)).isEqualTo(400);
	}

	@Test
	void aWorkspaceWithoutAutoRenewalIsLeftAlone() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		partner.post("/partner/workspace/" + id + "/topup-points", Map.of("points", 500, "reason", "prepaid"))
			.expectStatus()
			.isOk();
		this.clock.advance(Duration.ofDays(31));
		this.renewal.renewDue().block(Duration.ofSeconds(60));
		assertThat(balance(partner, id)).isEqualTo(500);
		assertThat(body(partner.get("/partner/workspace/" + id).expectStatus().isOk()).path("data")
			.path("status")
			.asString()).isEqualTo("active");
	}

	/** Tops a workspace up with points and turns its auto-renewal on. */
	private static void autoRenewing(PartnerApi partner, String base, long points) {
		partner.post(base + "/topup-points", Map.of("points", points, "reason", "prepaid")).expectStatus().isOk();
		partner.post(base + "/enable-auto-renew", Map.of()).expectStatus().isOk();
	}

	/** One scheduled round, its interval passed in virtual time. */
	private void runOneRound() {
		StepVerifier.withVirtualTime(() -> this.renewal.rounds(ROUND, VirtualTimeScheduler.get()).take(1))
			.expectSubscription()
			.expectNoEvent(ROUND.minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches((renewed) -> renewed >= 1)
			.expectComplete()
			.verify(Duration.ofSeconds(60));
	}

	private long balance(PartnerApi partner, String id) {
		return body(partner.get("/partner/workspace/" + id + "/points").expectStatus().isOk()).path("data")
			.path("balance")
			.asLong();
	}

	private Instant periodEnd(PartnerApi partner, String id) {
		return Instant.parse(body(partner.get("/partner/workspace/" + id).expectStatus().isOk()).path("data")
			.path("period_ends_at")
			.asString());
	}

}
