package com.chatsuite.partner.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.chat.RoomClosed;
import com.chatsuite.contracts.events.partner.PointsChanged;
import com.chatsuite.partner.PartnerApi;
import com.chatsuite.partner.PartnerIntegrationTest;
import com.chatsuite.partner.workspace.Workspace;
import com.chatsuite.partner.workspace.WorkspaceStatus;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhook endpoints and deliveries against a real receiver on a local port: Standard
 * Webhooks signatures checked with the reference library, retries on the schedule (the
 * clock is moved, not waited for), a receiver outage survived with every event delivered
 * once, 410 and continuous failure disabling endpoints, the attempt log and replay,
 * deliveries held while a workspace is paused, and the SSRF guard.
 */
@SuiteIntegrationTest
class WebhookIntegrationTests extends PartnerIntegrationTest {

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final Receiver receiver = new Receiver();

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private DeliveryWorker worker;

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void registeringShowsTheSecretOnceListsTheStateAndRemoves() {
		PartnerApi partner = newPartner();
		JsonNode created = body(
				partner.post("/partner/set-webhook", Map.of("event", "workspace.paused", "url", this.receiver.url()))
					.expectStatus()
					.isCreated())
			.path("data");
		String id = created.path("id").asString();
		assertThat(created.path("secret").asString()).startsWith("whsec_");
		assertThat(created.path("state").asString()).isEqualTo("active");
		assertThat(created.path("event").asString()).isEqualTo("workspace.paused");
		JsonNode listed = body(partner.get("/partner/webhook").expectStatus().isOk()).path("data");
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.path(0).path("id").asString()).isEqualTo(id);
		assertThat(listed.path(0).has("secret")).isFalse();
		assertRejected(body(
				partner.post("/partner/set-webhook", Map.of("event", "workspace.paused", "url", this.receiver.url()))
					.expectStatus()
					.isEqualTo(409)),
				"url", "exists already");
		newPartner().post("/partner/remove-webhook", Map.of("id", id)).expectStatus().isNotFound();
		assertThat(body(partner.post("/partner/remove-webhook", Map.of("id", id)).expectStatus().isOk()).path("data")
			.path("id")
			.asString()).isEqualTo(id);
		assertThat(body(partner.get("/partner/webhook").expectStatus().isOk()).path("data").size()).isZero();
		assertRejected(body(partner.post("/partner/remove-webhook", Map.of("id", id)).expectStatus().isNotFound()),
				"id", "does not exist");
	}

	@Test
	void aRegistrationWhoseAnswerWasLostAnswersItsEndpointToItsRetry() {
		PartnerApi partner = newPartner();
		String key = UUID.randomUUID().toString();
		Map<String, Object> request = Map.of("event", "workspace.paused", "url", this.receiver.url());
		JsonNode first = body(partner.post("/partner/set-webhook", request, key).expectStatus().isCreated())
			.path("data");
		loseAnswer(partner, key);

		JsonNode retried = body(partner.post("/partner/set-webhook", request, key).expectStatus().isCreated())
			.path("data");
		assertThat(retried.path("id")).isEqualTo(first.path("id"));
		assertThat(retried.path("secret")).isEqualTo(first.path("secret"));
		assertThat(body(partner.get("/partner/webhook").expectStatus().isOk()).path("data").size()).isEqualTo(1);
		// Without the key it is another registration of the same URL.
		assertRejected(body(partner.post("/partner/set-webhook", request).expectStatus().isEqualTo(409)), "url",
				"exists already");
	}

	@Test
	void urlsReachingInternalAddressesOrWithoutHttpsAreRefused() {
		PartnerApi partner = newPartner();
		for (String url : List.of("http://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data",
				"https://192.168.0.10/x", "http://127.0.0.2/hook", "http://[::1]/hook", "https://[fd00:ec2::254]/x",
				"http://100.64.0.1/x")) {
			assertRejected(body(partner.post("/partner/set-webhook", Map.of("event", "workspace.paused", "url", url))
				.expectStatus()
				.isBadRequest()), "url", "internal address");
		}
		assertRejected(body(partner
			.post("/partner/set-webhook", Map.of("event", "workspace.paused", "url", "ftp://files.example.com/x"))
			.expectStatus()
			.isBadRequest()), "url", "https");
		assertRejected(body(partner
			.post("/partner/set-webhook", Map.of("event", "workspace.paused", "url", "https://user:pw@example.com/x"))
			.expectStatus()
			.isBadRequest()), "url", "no user information");
		assertRejected(body(
				partner.post("/partner/set-webhook", Map.of("event", "workspace.exploded", "url", this.receiver.url()))
					.expectStatus()
					.isBadRequest()),
				"event", "does not exist");
		assertThat(body(partner.get("/partner/webhook").expectStatus().isOk()).path("data").size()).isZero();
	}

	@Test
	void theStoreKeepsOneEndpointPerPartnerEventAndUrl() {
		PartnerApi partner = newPartner();
		register(partner, "workspace.paused");
		partner.post("/partner/set-webhook", Map.of("event", "workspace.paused", "url", this.receiver.url()))
			.expectStatus()
			.isEqualTo(409);
		// Two registrations at once both pass the look-up; the unique index refuses the
		// second insert.
		WebhookEndpoint stored = this.mongo
			.findOne(Query.query(Criteria.where("url").is(this.receiver.url())), WebhookEndpoint.class)
			.block(Duration.ofSeconds(10));
		WebhookEndpoint twin = new WebhookEndpoint("twin-" + stored.id(), stored.partnerId(), stored.event(),
				stored.url(), "whsec_twin", null, null, null, null, null, null, stored.createdAt());
		assertThatThrownBy(() -> this.mongo.insert(twin).block(Duration.ofSeconds(10)))
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void aDeliveryHeldOnAPauseThatEndedMeanwhileIsSent() {
		PartnerApi partner = newPartner();
		register(partner, "room.closed");
		String id = partner.newWorkspace("starter");
		Workspace active = this.mongo.findById(id, Workspace.class).block(Duration.ofSeconds(10));
		// The listener read the workspace while it was paused; it was activated (and its
		// held deliveries released) before this delivery was stored.
		Workspace readWhilePaused = new Workspace(active.id(), active.partnerId(), active.clientId(),
				active.clientEmail(), active.name(), active.subDomain(), active.plan(), active.addons(),
				WorkspaceStatus.PAUSED, "holiday", active.autoRenew(), active.periodEndsAt(), active.billing(),
				active.templates(), active.members(), active.createdAt(), active.version(), active.outbox());
		Instant now = this.clock.instant();
		CloudEvent<RoomClosed> event = CloudEvent.of("chat-room-service", "room-" + id, id,
				new RoomClosed("room-" + id, "agent-1", "resolved", now), now);
		this.deliveries.deliver(event, WebhookEvent.ROOM_CLOSED, readWhilePaused).block(Duration.ofSeconds(10));
		Receiver.Received request = eventually().until(this.receiver::accepted, (all) -> all.size() == 1).get(0);
		assertThat(request.body()).contains("room.closed").contains("room-" + id);
	}

	@Test
	void aNewDeliveryIsSentOnlyWhileThisReplicaStillHoldsItsLease() {
		PartnerApi partner = newPartner();
		register(partner, "workspace.points_changed");
		String id = partner.newWorkspace("starter");
		WebhookEndpoint endpoint = this.mongo
			.findOne(Query.query(Criteria.where("url").is(this.receiver.url())), WebhookEndpoint.class)
			.block(Duration.ofSeconds(10));
		Instant now = this.clock.instant();
		// Fresh: sent as stored.
		Delivery fresh = newDelivery("fresh-" + id, endpoint, now.plus(Duration.ofSeconds(60)));
		StepVerifier.create(this.worker.stillLeased(fresh)).expectNext(fresh).verifyComplete();
		// Waited in the queue most of its lease: leased again, then sent.
		Delivery late = newDelivery("late-" + id, endpoint, now.plus(Duration.ofSeconds(5)));
		this.mongo.insert(late).block(Duration.ofSeconds(10));
		StepVerifier.create(this.worker.stillLeased(late))
			.assertNext((again) -> assertThat(again.leaseUntil()).isAfter(now.plus(Duration.ofSeconds(30))))
			.verifyComplete();
		// Claimed by another replica's poll meanwhile: left to it.
		Delivery taken = newDelivery("taken-" + id, endpoint, now.plus(Duration.ofSeconds(5)));
		this.mongo.insert(newDelivery(taken.id(), endpoint, now.plus(Duration.ofSeconds(50))))
			.block(Duration.ofSeconds(10));
		StepVerifier.create(this.worker.stillLeased(taken)).verifyComplete();
		// Not left for the poll of a later test, whose clock may have passed their
		// leases.
		this.mongo.remove(Query.query(Criteria.where("_id").in(late.id(), taken.id())), Delivery.class)
			.block(Duration.ofSeconds(10));
	}

	private static Delivery newDelivery(String id, WebhookEndpoint endpoint, Instant leaseUntil) {
		Instant now = leaseUntil.minus(Duration.ofSeconds(60));
		return new Delivery(id, endpoint.id(), endpoint.partnerId(), "workspace-" + id, endpoint.event(), "{}", now,
				Delivery.PENDING, List.of(), 0, now, leaseUntil, now, null);
	}

	@Test
	void callsAreMeteredWithoutTheirUrlAndIdleEndpointsAreForgotten() {
		PartnerApi partner = newPartner();
		String url = this.receiver.url() + "?token=secret-" + System.nanoTime();
		register(partner, "workspace.points_changed", url);
		String id = partner.newWorkspace("starter");
		partner.post("/partner/workspace/" + id + "/topup-points", Map.of("points", 3, "reason", "meters"))
			.expectStatus()
			.isOk();
		eventually().until(this.receiver::accepted, (all) -> all.size() == 1);
		eventually().until(() -> this.meters.find("http.client.requests").tag("client.name", "webhook").timers(),
				(timers) -> !timers.isEmpty());
		assertThat(this.meters.find("http.client.requests").tag("client.name", "webhook").timers())
			.allSatisfy((timer) -> assertThat(timer.getId().getTag("uri")).isEqualTo("none"));
		assertThat(this.meters.getMeters()).noneMatch(
				(meter) -> meter.getId().getTags().stream().anyMatch((tag) -> tag.getValue().contains("secret-")));
		WebhookEndpoint endpoint = this.mongo.findOne(Query.query(Criteria.where("url").is(url)), WebhookEndpoint.class)
			.block(Duration.ofSeconds(10));
		assertThat(this.worker.knows(endpoint.id())).isTrue();
		this.worker.pruneIdle(this.clock.instant().plus(Duration.ofHours(2)));
		assertThat(this.worker.knows(endpoint.id())).isFalse();
	}

	@Test
	void aWorkspaceCreatedDeliveryCarriesNoPasswordHash() {
		PartnerApi partner = newPartner();
		register(partner, "workspace.created");
		String id = partner.newWorkspace("starter");
		Receiver.Received created = eventually()
			.until(this.receiver::accepted, (all) -> all.stream().anyMatch((request) -> isCreationOf(request, id)))
			.stream()
			.filter((request) -> isCreationOf(request, id))
			.findFirst()
			.orElseThrow();
		JsonNode data = jsonMapper.readTree(created.body()).path("data");
		assertThat(data.path("workspaceId").asString()).isEqualTo(id);
		assertThat(data.path("clientEmail").asString()).isNotBlank();
		assertThat(data.has("passwordHash")).isFalse();
		assertThat(created.body()).doesNotContain("$2a$").doesNotContain("$2b$");
	}

	@Test
	void deliveriesCarryStandardWebhooksSignaturesTheReferenceLibraryAccepts() {
		PartnerApi partner = newPartner();
		String secret = register(partner, "workspace.points_changed");
		String pausedSecret = register(partner, "workspace.paused");
		String id = partner.newWorkspace("starter");
		partner.post("/partner/workspace/" + id + "/topup-points", Map.of("points", 7, "reason", "gift"))
			.expectStatus()
			.isOk();
		partner.post("/partner/workspace/" + id + "/pause", Map.of("reason", "holiday")).expectStatus().isOk();
		List<Receiver.Received> received = eventually().until(this.receiver::accepted, (all) -> all.size() == 2);
		Receiver.Received points = received.stream()
			.filter((request) -> request.body().contains("workspace.points_changed"))
			.findFirst()
			.orElseThrow();
		assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(points.body(), points.headers()));
		JsonNode payload = jsonMapper.readTree(points.body());
		assertThat(payload.path("type").asString()).isEqualTo("workspace.points_changed");
		assertThat(payload.path("workspace_id").asString()).isEqualTo(id);
		assertThat(payload.path("timestamp").asString()).isNotBlank();
		assertThat(payload.path("data").path("delta").asLong()).isEqualTo(7);
		assertThat(payload.path("data").path("reason").asString()).isEqualTo("gift");
		assertThat(points.header("webhook-id")).startsWith("msg_");
		assertThat(points.header("webhook-signature")).startsWith("v1,");
		assertThat(points.header("content-type")).startsWith("application/json");
		Receiver.Received paused = received.stream()
			.filter((request) -> request.body().contains("workspace.paused"))
			.findFirst()
			.orElseThrow();
		assertThatNoException().isThrownBy(() -> new Webhook(pausedSecret).verify(paused.body(), paused.headers()));
		assertThat(jsonMapper.readTree(paused.body()).path("data").path("reason").asString()).isEqualTo("holiday");
		// A signature made with another endpoint's secret is refused by the same check.
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> new Webhook(pausedSecret).verify(points.body(), points.headers()))
			.isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);

		// The receiver has the calls before their outcomes are recorded.
		JsonNode log = eventually()
			.until(() -> body(partner.get("/partner/webhook/deliveries?status=succeeded").expectStatus().isOk())
				.path("data"), (page) -> page.path("total").asLong() == 2);
		JsonNode attempt = log.path("items").path(0).path("attempts").path(0);
		assertThat(attempt.path("status_code").asInt()).isEqualTo(204);
		assertThat(attempt.path("duration_ms").isNumber()).isTrue();
		assertThat(attempt.path("at").asString()).isNotBlank();
		assertThat(points.header("webhook-id")).isIn("msg_" + log.path("items").path(0).path("id").asString(),
				"msg_" + log.path("items").path(1).path("id").asString());
	}

	@Test
	void anEventMadeIntoDeliveriesAgainIsSentOnlyToTheEndpointsThatHadNone() {
		PartnerApi partner = newPartner();
		register(partner, "workspace.points_changed", this.receiver.url() + "?endpoint=1");
		register(partner, "workspace.points_changed", this.receiver.url() + "?endpoint=2");
		String id = partner.newWorkspace("starter");
		Workspace workspace = this.mongo.findById(id, Workspace.class).block(Duration.ofSeconds(10));
		Instant now = this.clock.instant();
		CloudEvent<PointsChanged> event = CloudEvent.of("partner-service", id, workspace.partnerId(),
				new PointsChanged(id, workspace.partnerId(), 4, 4, "entry-" + id, "made again", now), now);
		this.deliveries.deliver(event, WebhookEvent.POINTS_CHANGED, workspace).block(Duration.ofSeconds(10));
		eventually().until(() -> madeAgain(this.receiver.accepted()), (calls) -> calls.size() == 2);

		// As after a crash between making the deliveries and remembering the event: the
		// deliveries exist, nothing is sent again.
		this.deliveries.deliver(event, WebhookEvent.POINTS_CHANGED, workspace).block(Duration.ofSeconds(10));
		// An endpoint registered in between gets its delivery, the others still none.
		register(partner, "workspace.points_changed", this.receiver.url() + "?endpoint=3");
		this.deliveries.deliver(event, WebhookEvent.POINTS_CHANGED, workspace).block(Duration.ofSeconds(10));
		JsonNode log = eventually()
			.until(() -> body(partner.get("/partner/webhook/deliveries?status=succeeded").expectStatus().isOk())
				.path("data"), (page) -> page.path("total").asLong() == 3);
		List<Receiver.Received> calls = madeAgain(this.receiver.accepted());
		assertThat(calls).hasSize(3);
		Set<String> ids = new HashSet<>();
		for (JsonNode delivery : log.path("items")) {
			assertThat(delivery.path("attempts").size()).isEqualTo(1);
			ids.add("msg_" + delivery.path("id").asString());
		}
		assertThat(calls).extracting((call) -> call.header("webhook-id")).containsExactlyInAnyOrderElementsOf(ids);
	}

	private static List<Receiver.Received> madeAgain(List<Receiver.Received> accepted) {
		return accepted.stream().filter((call) -> call.body().contains("\"reason\":\"made again\"")).toList();
	}

	@Test
	void aWebhookCallContinuesTheTraceOfTheRequestThatCausedItAndIsCounted() {
		PartnerApi partner = newPartner();
		register(partner, "workspace.points_changed");
		String id = partner.newWorkspace("starter");
		double succeeded = this.meters.counter("chatsuite.webhook.deliveries", "outcome", "success").count();
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		// The request's span writes the event into the outbox; the relay sends it with
		// that trace; the webhook consumer makes the delivery in it; the call goes on in
		// it.
		partner
			.postTraced("/partner/workspace/" + id + "/topup-points", Map.of("points", 3, "reason", "traced"),
					"00-" + traceId + "-b7ad6b7169203331-01")
			.expectStatus()
			.isOk();
		Receiver.Received call = eventually()
			.until(() -> this.receiver.accepted()
				.stream()
				.filter((request) -> request.body().contains("\"reason\":\"traced\""))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		assertThat(call.header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
		eventually().untilAsserted(
				() -> assertThat(this.meters.counter("chatsuite.webhook.deliveries", "outcome", "success").count())
					.isGreaterThan(succeeded));
		// The whole scrape, however many series the tests before made (more than the
		// default 256 KB a test client buffers).
		String scraped = this.web.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scraped)
			.contains("chatsuite_webhook_deliveries_total{application=\"partner-service\",outcome=\"success\"}")
			.contains("client_name=\"webhook\"")
			.doesNotContain("client_name=\"127.0.0.1\"")
			// Nor series per receiver host from the connection pools.
			.doesNotContain("reactor_netty_connection_provider");
	}

	@Test
	void aReceiverDownForAWhileGetsEveryEventOnceWhenItIsBack() {
		PartnerApi partner = newPartner();
		String secret = register(partner, "workspace.points_changed");
		String id = partner.newWorkspace("starter");
		this.receiver.stop();
		for (int i = 1; i <= 5; i++) {
			partner.post("/partner/workspace/" + id + "/topup-points", Map.of("points", i, "reason", "top-up " + i))
				.expectStatus()
				.isOk();
		}
		awaitAttempts(partner, 5, 1);
		this.clock.advance(Duration.ofSeconds(5));
		awaitAttempts(partner, 5, 2);
		assertThat(this.receiver.received()).isEmpty();

		this.receiver.start();
		this.clock.advance(Duration.ofMinutes(5));
		List<Receiver.Received> accepted = eventually().until(this.receiver::accepted, (all) -> all.size() >= 5);
		JsonNode log = eventually()
			.until(() -> body(partner.get("/partner/webhook/deliveries?status=succeeded").expectStatus().isOk())
				.path("data"), (page) -> page.path("total").asLong() == 5);
		assertThat(log.path("items").path(0).path("attempts").size()).isEqualTo(3);
		assertThat(log.path("items").path(0).path("attempts").path(0).path("error").asString()).isNotBlank();
		// Nothing left to retry, and the receiver saw each event exactly once.
		this.clock.advance(Duration.ofHours(1));
		assertThat(body(partner.get("/partner/webhook/deliveries?status=pending").expectStatus().isOk()).path("data")
			.path("total")
			.asLong()).isZero();
		accepted = this.receiver.accepted();
		Set<String> ids = new HashSet<>();
		Set<Long> deltas = new HashSet<>();
		for (Receiver.Received request : accepted) {
			assertThat(ids.add(request.header("webhook-id"))).as("delivered once: " + request.header("webhook-id"))
				.isTrue();
			assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(request.body(), request.headers()));
			deltas.add(jsonMapper.readTree(request.body()).path("data").path("delta").asLong());
		}
		assertThat(deltas).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
		JsonNode endpoint = body(partner.get("/partner/webhook").expectStatus().isOk()).path("data").path(0);
		assertThat(endpoint.path("state").asString()).isEqualTo("active");
		assertThat(endpoint.path("last_success_at").asString()).isNotBlank();
		assertThat(endpoint.path("last_failure_at").asString()).isNotBlank();
	}

	@Test
	void anEndpointAnswering410IsDisabledAtOnce() {
		PartnerApi partner = newPartner();
		register(partner, "workspace.points_changed");
		String id = partner.newWorkspace("starter");
		this.receiver.answer(410);
		partner.post("/partner/workspace/" + id + "/topup-points", Map.of("points", 1, "reason", "r"))
			.expectStatus()
			.isOk();
		JsonNode endpoint = eventually().until(
				() -> body(partner.get("/partner/webhook").expectStatus().isOk()).path("data").path(0),
				(found) -> found.path("state").asString().equals("disabled"));
		assertThat(endpoint.path("disabled_reason").asString()).contains("410");
		assertThat(body(partner.get("/partner/webhook/deliveries?status=failed").expectStatus().isOk()).path("data")
			.path("total")
			.asLong()).isEqualTo(1);
		partner.post("/partner/workspace/" + id + "/topup-points", Map.of("points", 1, "reason", "r"))
			.expectStatus()
			.isOk();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.receiver.received()).hasSize(1);
	}

	@Test
	void retriesFollowTheScheduleThenAFailedDeliveryCanBeReplayed() {
		PartnerApi partner = newPartner();
		String endpointId = body(partner
			.post("/partner/set-webhook", Map.of("event", "workspace.points_changed", "url", this.receiver.url()))
			.expectStatus()
			.isCreated()).path("data").path("id").asString();
		String id = partner.newWorkspace("starter");
		this.receiver.answer(500);
		partner.post("/partner/workspace/" + id + "/topup-points", Map.of("points", 3, "reason", "r"))
			.expectStatus()
			.isOk();
		awaitAttempts(partner, 1, 1);
		JsonNode pending = body(partner.get("/partner/webhook/deliveries?status=pending&endpoint_id=" + endpointId)
			.expectStatus()
			.isOk()).path("data").path("items").path(0);
		assertThat(pending.path("attempts").path(0).path("status_code").asInt()).isEqualTo(500);
		assertThat(pending.path("attempts").path(0).path("error").asString()).isEqualTo("HTTP 500");
		String deliveryId = pending.path("id").asString();
		// Not due before its time: nothing more is sent until the clock reaches it.
		assertThat(this.receiver.received()).hasSize(1);
		assertRejected(body(partner.post("/partner/webhook/deliveries/" + deliveryId + "/replay", Map.of())
			.expectStatus()
			.isEqualTo(409)), "deliveryId", "pending");

		this.clock.advance(Duration.ofSeconds(5));
		awaitAttempts(partner, 1, 2);
		this.clock.advance(Duration.ofMinutes(5));
		awaitAttempts(partner, 1, 3);
		this.clock.advance(Duration.ofMinutes(30));
		JsonNode failed = eventually().until(
				() -> body(partner.get("/partner/webhook/deliveries?status=failed").expectStatus().isOk()).path("data"),
				(page) -> page.path("total").asLong() == 1);
		assertThat(failed.path("items").path(0).path("attempts").size()).isEqualTo(4);
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.receiver.received()).hasSize(4);

		newPartner().post("/partner/webhook/deliveries/" + deliveryId + "/replay", Map.of())
			.expectStatus()
			.isNotFound();
		this.receiver.answer(200);
		JsonNode replayed = body(
				partner.post("/partner/webhook/deliveries/" + deliveryId + "/replay", Map.of()).expectStatus().isOk())
			.path("data");
		assertThat(replayed.path("id").asString()).isEqualTo(deliveryId);
		eventually().until(() -> this.receiver.accepted().size(), (count) -> count == 1);
		JsonNode done = eventually()
			.until(() -> body(partner.get("/partner/webhook/deliveries?status=succeeded").expectStatus().isOk())
				.path("data"), (page) -> page.path("total").asLong() == 1);
		assertThat(done.path("items").path(0).path("attempts").size()).isEqualTo(5);
		// The same message id on every attempt, so the receiver can drop repeats.
		assertThat(this.receiver.received().stream().map((request) -> request.header("webhook-id")).distinct())
			.containsExactly("msg_" + deliveryId);
	}

	@Test
	void manyEndpointsOnOneHostGetTheirDeliveriesAtTheFirstAttempt() {
		// More calls in flight to one host than a connection pool's defaults allow (16
		// connections and 32 waiting on two cores): none may fail for want of a
		// connection.
		PartnerApi partner = newPartner();
		int endpoints = 60;
		for (int n = 0; n < endpoints; n++) {
			register(partner, "workspace.points_changed", this.receiver.url() + "?n=" + n);
		}
		String id = partner.newWorkspace("starter");
		this.receiver.answerAfter(Duration.ofMillis(500));
		partner.post("/partner/workspace/" + id + "/topup-points", Map.of("points", 3, "reason", "r"))
			.expectStatus()
			.isOk();

		eventually().until(() -> this.receiver.accepted().size(), (count) -> count == endpoints);
		JsonNode succeeded = eventually().until(() -> body(
				partner.get("/partner/webhook/deliveries?status=succeeded&per_page=100").expectStatus().isOk())
			.path("data"), (page) -> page.path("total").asLong() == endpoints);
		for (JsonNode delivery : succeeded.path("items")) {
			assertThat(delivery.path("attempts").size()).isOne();
		}
		assertThat(this.receiver.received()).hasSize(endpoints);
	}

	@Test
	void anEndpointFailingContinuouslyLongerThanTheLimitIsDisabled() {
		PartnerApi partner = newPartner();
		register(partner, "workspace.points_changed");
		String id = partner.newWorkspace("starter");
		this.receiver.answer(503);
		partner.post("/partner/workspace/" + id + "/topup-points", Map.of("points", 1, "reason", "r"))
			.expectStatus()
			.isOk();
		awaitAttempts(partner, 1, 1);
		this.clock.advance(Duration.ofMinutes(61));
		// The retry after 5 s, long overdue, fails an hour after the first failure.
		JsonNode endpoint = eventually().until(
				() -> body(partner.get("/partner/webhook").expectStatus().isOk()).path("data").path(0),
				(found) -> found.path("state").asString().equals("disabled"));
		assertThat(endpoint.path("disabled_reason").asString()).contains("failing continuously since");
		assertThat(endpoint.path("last_failure").asString()).isEqualTo("HTTP 503");
	}

	@Test
	void organisationEventsWaitWhileTheWorkspaceIsPausedAndArriveWhenItIsActive() {
		PartnerApi partner = newPartner();
		String secret = register(partner, "room.closed");
		String id = partner.newWorkspace("starter");
		partner.post("/partner/workspace/" + id + "/pause", Map.of()).expectStatus().isOk();
		publish(id, "room-1", new RoomClosed("room-1", "agent-1", "resolved", java.time.Instant.now()));
		eventually()
			.until(() -> body(partner.get("/partner/webhook/deliveries?status=held").expectStatus().isOk()).path("data")
				.path("total")
				.asLong(), (count) -> count == 1);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.receiver.received()).isEmpty();
		// A room of an organisation that is no workspace reaches no partner.
		publish("not-a-workspace", "room-2", new RoomClosed("room-2", "agent-1", "resolved", java.time.Instant.now()));

		partner.post("/partner/workspace/" + id + "/active", Map.of()).expectStatus().isOk();
		Receiver.Received request = eventually().until(this.receiver::accepted, (all) -> all.size() == 1).get(0);
		assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(request.body(), request.headers()));
		JsonNode payload = jsonMapper.readTree(request.body());
		assertThat(payload.path("type").asString()).isEqualTo("room.closed");
		assertThat(payload.path("workspace_id").asString()).isEqualTo(id);
		assertThat(payload.path("data").path("roomId").asString()).isEqualTo("room-1");
	}

	private static boolean isCreationOf(Receiver.Received request, String workspaceId) {
		return request.body().contains("workspace.created") && request.body().contains(workspaceId);
	}

	private String register(PartnerApi partner, String event) {
		return register(partner, event, this.receiver.url());
	}

	private String register(PartnerApi partner, String event, String url) {
		return body(partner.post("/partner/set-webhook", Map.of("event", event, "url", url)).expectStatus().isCreated())
			.path("data")
			.path("secret")
			.asString();
	}

	/**
	 * Waits until the partner's deliveries number {@code count}, each with
	 * {@code attempts} attempts.
	 */
	private void awaitAttempts(PartnerApi partner, int count, int attempts) {
		eventually().until(() -> body(partner.get("/partner/webhook/deliveries").expectStatus().isOk()).path("data"),
				(page) -> {
					if (page.path("total").asLong() != count) {
						return false;
					}
					for (JsonNode delivery : page.path("items")) {
						if (delivery.path("attempts").size() != attempts) {
							return false;
						}
					}
					return true;
				});
	}

}
