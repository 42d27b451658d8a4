package com.chatsuite.directory.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.chatsuite.contracts.events.partner.PlanChanged;
import com.chatsuite.directory.AdminApi;
import com.chatsuite.directory.DirectoryIntegrationTest;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner workspace's plan limits the operators and domains of its organisation: beyond
 * them creations are refused with 403 and the reason, concurrent creations never pass
 * them together, a downgrade keeps what exists, a seat left behind by a crash is freed
 * once old, and organisations without a workspace have no limit.
 */
@SuiteIntegrationTest
class PlanLimitsIntegrationTests extends DirectoryIntegrationTest {

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void operatorsBeyondThePlanAreRefusedWithTheReason() {
		AdminApi livechat = newTenant(LIVECHAT);
		workspaceOnPlan(livechat.orgId(), "starter", 2, 1, LIVECHAT);
		livechat.newOperator("ana@example.org");
		livechat.newOperator("bo@example.org");

		assertRejected(livechat.createOperator(Map.of("email", "cy@example.org")).expectStatus().isForbidden(),
				"request", "plan limit reached: at most 2 operators on plan starter");
		// The same person again is no new operator.
		livechat.createOperator(Map.of("email", "ana@example.org")).expectStatus().isOk();
	}

	@Test
	void domainsBeyondThePlanAreRefusedWithTheReason() {
		AdminApi livechat = newTenant(LIVECHAT);
		workspaceOnPlan(livechat.orgId(), "starter", 3, 1, LIVECHAT, SELLER_BUYER);
		livechat.newDomain("shop.example");

		assertRejected(livechat.createDomain(Map.of("domain_name", "more.example", "email", "web@more.example"))
			.expectStatus()
			.isForbidden(), "request", "plan limit reached: at most 1 domains on plan starter");
		// The limit is the organisation's, across its addons.
		api(livechat.orgId(), SELLER_BUYER)
			.createDomain(Map.of("domain_name", "other.example", "email", "web@other.example"))
			.expectStatus()
			.isForbidden();
	}

	@Test
	void deactivatingAnOperatorOrDomainFreesItsSeat() {
		AdminApi livechat = newTenant(LIVECHAT);
		workspaceOnPlan(livechat.orgId(), "starter", 1, 1, LIVECHAT);
		String ana = livechat.newOperator("ana@example.org");
		livechat.updateOperator(ana, Map.of("status", 0)).expectStatus().isOk();
		String bo = livechat.newOperator("bo@example.org");
		livechat.updateOperator(ana, Map.of("status", 1)).expectStatus().isForbidden();
		livechat.updateOperator(bo, Map.of("status", 0)).expectStatus().isOk();
		livechat.updateOperator(ana, Map.of("status", 1)).expectStatus().isOk();

		livechat.newDomain("shop.example");
		livechat.updateDomain("shop.example", Map.of("status", false)).expectStatus().isOk();
		livechat.newDomain("store.example");
		livechat.updateDomain("shop.example", Map.of("status", true)).expectStatus().isForbidden();
		assertThat(
				body(livechat.getDomain("shop.example").expectStatus().isOk()).path("data").path("status").asBoolean())
			.isFalse();
	}

	@Test
	void concurrentCreationsNeverPassTheLimitTogether() throws Exception {
		AdminApi livechat = newTenant(LIVECHAT);
		workspaceOnPlan(livechat.orgId(), "starter", 3, 2, LIVECHAT);

		List<Integer> operators = concurrently(12,
				(i) -> livechat.createOperator(Map.of("email", "agent-" + i + "@example.org")));
		assertThat(operators).filteredOn((status) -> status == 200).hasSize(3);
		assertThat(operators).filteredOn((status) -> status != 200).containsOnly(403);

		List<Integer> domains = concurrently(8, (i) -> livechat
			.createDomain(Map.of("domain_name", "shop-" + i + ".example", "email", "web@shop.example")));
		assertThat(domains).filteredOn((status) -> status == 200).hasSize(2);
		assertThat(domains).filteredOn((status) -> status != 200).containsOnly(403);
	}

	@Test
	void aDowngradeBelowWhatExistsKeepsItAndRefusesMore() {
		AdminApi livechat = newTenant(LIVECHAT);
		workspaceOnPlan(livechat.orgId(), "pro", 3, 3, LIVECHAT);
		List<String> operators = List.of(livechat.newOperator("ana@example.org"),
				livechat.newOperator("bo@example.org"), livechat.newOperator("cy@example.org"));
		workspaceEvent(livechat.orgId(), new PlanChanged(livechat.orgId(), "partner-of-" + livechat.orgId(), "pro",
				"starter", 1, 1, Instant.now()));

		for (String operator : operators) {
			assertThat(body(livechat.getOperator(operator).expectStatus().isOk()).path("data")
				.path("operator")
				.asBoolean()).isTrue();
		}
		assertRejected(livechat.createOperator(Map.of("email", "di@example.org")).expectStatus().isForbidden(),
				"request", "at most 1 operators on plan starter");
		livechat.updateOperator(operators.get(0), Map.of("status", 0)).expectStatus().isOk();
		livechat.updateOperator(operators.get(1), Map.of("status", 0)).expectStatus().isOk();
		livechat.createOperator(Map.of("email", "di@example.org")).expectStatus().isForbidden();
		livechat.updateOperator(operators.get(2), Map.of("status", 0)).expectStatus().isOk();
		livechat.createOperator(Map.of("email", "di@example.org")).expectStatus().isOk();
	}

	@Test
	void anOlderPlanChangeArrivingLateChangesNothing() {
		AdminApi livechat = newTenant(LIVECHAT);
		workspaceOnPlan(livechat.orgId(), "starter", 1, 1, LIVECHAT);
		Instant now = Instant.now();
		String partner = "partner-of-" + livechat.orgId();
		workspaceEvent(livechat.orgId(), new PlanChanged(livechat.orgId(), partner, "starter", "pro", 5, 5, now));
		workspaceEvent(livechat.orgId(),
				new PlanChanged(livechat.orgId(), partner, "pro", "starter", 1, 1, now.minusSeconds(60)));

		livechat.newOperator("ana@example.org");
		livechat.newOperator("bo@example.org");
	}

	@Test
	void operatorsCreatedBeforeTheWorkspaceArrivedCount() {
		AdminApi livechat = newTenant(LIVECHAT);
		livechat.newOperator("ana@example.org");
		livechat.newOperator("bo@example.org");
		workspaceOnPlan(livechat.orgId(), "starter", 2, 1, LIVECHAT);

		livechat.createOperator(Map.of("email", "cy@example.org")).expectStatus().isForbidden();
	}

	@Test
	void aSeatLeftBehindByACreationThatNeverFinishedIsFreedOnceItIsOld() {
		AdminApi livechat = newTenant(LIVECHAT);
		workspaceOnPlan(livechat.orgId(), "starter", 1, 1, LIVECHAT);
		leftBehind(livechat.orgId(), "operators", "never-written", Instant.now());
		// It may still be under way: it keeps its seat.
		livechat.createOperator(Map.of("email", "ana@example.org")).expectStatus().isForbidden();

		leftBehind(livechat.orgId(), "operators", "never-written",
				Instant.now().minus(PlanLimits.GRACE).minusSeconds(1));
		livechat.newOperator("ana@example.org");
		livechat.createOperator(Map.of("email", "bo@example.org")).expectStatus().isForbidden();

		leftBehind(livechat.orgId(), "domains", "never-written", Instant.now().minus(PlanLimits.GRACE).minusSeconds(1));
		livechat.newDomain("shop.example");
	}

	@Test
	void organisationsWithoutAWorkspaceHaveNoLimit() {
		AdminApi livechat = newTenant(LIVECHAT);
		IntStream.range(0, 6).forEach((i) -> livechat.newOperator("agent-" + i + "@example.org"));
		IntStream.range(0, 6).forEach((i) -> livechat.newDomain("shop-" + i + ".example"));
	}

	/**
	 * A seat taken by a creation that stopped before writing, as a crash would leave it.
	 */
	private void leftBehind(String orgId, String kind, String id, Instant takenAt) {
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(orgId)),
					new Update().addToSet(kind, id).set("takenAt." + id, takenAt).inc("version", 1), Seats.class)
			.block();
	}

	private static List<Integer> concurrently(int count,
			java.util.function.IntFunction<WebTestClient.ResponseSpec> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				calls.add(() -> call.apply(index).returnResult(byte[].class).getStatus().value());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> status : pool.invokeAll(calls)) {
				statuses.add(status.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
