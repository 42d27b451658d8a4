package com.chatsuite.partner.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.directory.AgentMemberEnlisted;
import com.chatsuite.contracts.events.directory.AgentMemberRefused;
import com.chatsuite.contracts.events.directory.DomainAnnounced;
import com.chatsuite.contracts.events.directory.DomainCreated;
import com.chatsuite.contracts.events.directory.DomainUpdated;
import com.chatsuite.contracts.events.directory.WidgetVisibilityChanged;
import com.chatsuite.contracts.events.partner.MemberInvited;
import com.chatsuite.contracts.events.partner.PlanChanged;
import com.chatsuite.contracts.events.partner.WorkspaceAddonChanged;
import com.chatsuite.contracts.events.partner.WorkspaceCreated;
import com.chatsuite.contracts.events.partner.WorkspaceDeleted;
import com.chatsuite.partner.PartnerApi;
import com.chatsuite.partner.PartnerIntegrationTest;
import com.chatsuite.testsupport.EventCollector;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients and workspaces through the partner API: creation (with the organisation's
 * provisioning event), lists, plan, addons, billing, templates, members, flows, pause,
 * activation and deletion.
 */
@SuiteIntegrationTest
class WorkspaceIntegrationTests extends PartnerIntegrationTest {

	private EventCollector published;

	@BeforeEach
	void readEvents() {
		this.published = EventCollector.of(Topics.PARTNER_WORKSPACES);
	}

	@AfterEach
	void stopReading() throws InterruptedException {
		this.published.close();
	}

	@Test
	void createMakesTheClientAndAnnouncesTheOrganisationWithAHashedGeneratedPassword() {
		PartnerApi partner = newPartner();
		String name = "acme" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode created = body(partner
			.post("/partner/workspace/create",
					Map.of("name", "Acme support", "sub_domain", name, "plan", "starter", "client",
							Map.of("email", "Owner@" + name + ".example", "name", "Ada Owner")))
			.expectStatus()
			.isCreated());
		assertThat(created.path("status").asString()).isEqualTo("ok");
		JsonNode data = created.path("data");
		String id = data.path("id").asString();
		assertThat(data.path("workspace").path("id").asString()).isEqualTo(id);
		assertThat(data.path("workspace").path("sub_domain").asString()).isEqualTo(name);
		assertThat(data.path("workspace").path("plan").asString()).isEqualTo("starter");
		assertThat(data.path("workspace").path("addons").toString()).isEqualTo("[\"livechat\"]");
		assertThat(data.path("workspace").path("status").asString()).isEqualTo("active");
		String email = "owner@" + name + ".example";
		assertThat(data.path("client").path("email").asString()).isEqualTo(email);
		String password = data.path("client").path("password").asString();
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);

		JsonNode read = body(partner.get("/partner/workspace/" + id).expectStatus().isOk());
		assertThat(read.path("data").path("client_email").asString()).isEqualTo(email);
		assertThat(read.path("data").has("password")).isFalse();
		JsonNode clients = body(partner.get("/partner/clients").expectStatus().isOk());
		assertThat(clients.path("data").path("items").path(0).path("email").asString()).isEqualTo(email);
		assertThat(clients.path("data").path("items").path(0).has("password")).isFalse();

		WorkspaceCreated event = (WorkspaceCreated) eventually().until(() -> dataOf(id, WorkspaceCreated.class),
				(found) -> found != null);
		assertThat(event.organisationDomain()).isEqualTo(name);
		assertThat(event.clientEmail()).isEqualTo(email);
		assertThat(event.addons()).containsExactly("livechat");
		assertThat(event.maxOperators()).isEqualTo(3);
		assertThat(event.passwordHash()).doesNotContain(password);
		assertThat(new BCryptPasswordEncoder().matches(password, event.passwordHash())).isTrue();
	}

	@Test
	void anExistingClientGetsAnotherWorkspaceWithItsPassword() {
		PartnerApi partner = newPartner();
		String name = "twice" + UUID.randomUUID().toString().substring(0, 8);
		String email = name + "@client.example";
		body(partner
			.post("/partner/workspace/create",
					Map.of("name", "First", "sub_domain", name, "plan", "starter", "client",
							Map.of("email", email, "name", "Cli", "password", "client-password")))
			.expectStatus()
			.isCreated());
		this.clock.advance(Duration.ofMillis(1));
		JsonNode second = body(partner
			.post("/partner/workspace/create-for-existing-user",
					Map.of("name", "Second", "sub_domain", name + "-b", "plan", "pro", "client_email", email))
			.expectStatus()
			.isCreated());
		String clientId = second.path("data").path("client").path("id").asString();
		assertThat(second.path("data").path("client").has("password")).isFalse();
		JsonNode list = body(partner.get("/partner/workspaces?client_id=" + clientId).expectStatus().isOk());
		assertThat(list.path("data").path("total").asLong()).isEqualTo(2);
		assertThat(list.path("data").path("items").path(1).path("addons").toString())
			.isEqualTo("[\"livechat\",\"seller_buyer_chat_system\"]");
		String secondId = second.path("data").path("id").asString();
		WorkspaceCreated event = (WorkspaceCreated) eventually().until(() -> dataOf(secondId, WorkspaceCreated.class),
				(found) -> found != null);
		assertThat(new BCryptPasswordEncoder().matches("client-password", event.passwordHash())).isTrue();

		assertRejected(
				body(partner.post("/partner/workspace/create",
						Map.of("name", "Third", "sub_domain", name + "-c", "plan", "starter", "client",
								Map.of("email", email, "name", "Cli")))
					.expectStatus()
					.isEqualTo(409)),
				"client.email", "exists already");
		assertRejected(
				body(partner.post("/partner/workspace/create-for-existing-user",
						Map.of("name", "X", "sub_domain", name + "-d", "plan", "starter", "client_email",
								"nobody@client.example"))
					.expectStatus()
					.isNotFound()),
				"client_email", "does not exist");
		assertRejected(body(partner
			.post("/partner/workspace/create-for-existing-user",
					Map.of("name", "X", "sub_domain", name, "plan", "starter", "client_email", email))
			.expectStatus()
			.isEqualTo(409)), "sub_domain", "already taken");
	}

	@Test
	void aRefusedCreationLeavesNoClientBehind() {
		PartnerApi partner = newPartner();
		String name = "taken" + UUID.randomUUID().toString().substring(0, 8);
		partner.post("/partner/workspace/create", Map.of("name", "First", "sub_domain", name, "plan", "starter",
				"client", Map.of("email", name + "@client.example", "name", "First")))
			.expectStatus()
			.isCreated();
		String email = "new-" + name + "@client.example";
		Map<String, Object> client = Map.of("email", email, "name", "Cli", "password", "client-password");
		assertRejected(body(partner
			.post("/partner/workspace/create",
					Map.of("name", "Again", "sub_domain", name, "plan", "starter", "client", client))
			.expectStatus()
			.isEqualTo(409)), "sub_domain", "already taken");
		assertThat(body(partner.get("/partner/clients").expectStatus().isOk()).path("data").path("items").toString())
			.doesNotContain(email);
		partner
			.post("/partner/workspace/create",
					Map.of("name", "Free", "sub_domain", name + "-free", "plan", "starter", "client", client))
			.expectStatus()
			.isCreated();
	}

	@Test
	void listsArePagedAndFilteredByStatus() {
		PartnerApi partner = newPartner();
		// Lists are in creation order; the tests' clock stands still unless moved.
		String first = partner.newWorkspace("starter");
		this.clock.advance(Duration.ofMillis(1));
		partner.newWorkspace("starter");
		this.clock.advance(Duration.ofMillis(1));
		String third = partner.newWorkspace("starter");
		partner.post("/partner/workspace/" + third + "/pause", Map.of()).expectStatus().isOk();
		JsonNode page = body(partner.get("/partner/workspaces?per_page=2&page=1").expectStatus().isOk()).path("data");
		assertThat(page.path("total").asLong()).isEqualTo(3);
		assertThat(page.path("per_page").asInt()).isEqualTo(2);
		assertThat(page.path("items").size()).isEqualTo(2);
		assertThat(page.path("items").path(0).path("id").asString()).isEqualTo(first);
		JsonNode last = body(partner.get("/partner/workspaces?per_page=2&page=2").expectStatus().isOk()).path("data");
		assertThat(last.path("items").size()).isEqualTo(1);
		JsonNode paused = body(partner.get("/partner/workspaces?status=paused").expectStatus().isOk()).path("data");
		assertThat(paused.path("total").asLong()).isEqualTo(1);
		assertThat(paused.path("items").path(0).path("id").asString()).isEqualTo(third);
		assertThat(body(partner.get("/partner/clients?per_page=1").expectStatus().isOk()).path("data")
			.path("total")
			.asLong()).isEqualTo(3);
		assertRejected(body(partner.get("/partner/workspaces?status=gone").expectStatus().isBadRequest()), "status",
				"active or paused");
		assertRejected(body(partner.get("/partner/clients?per_page=500").expectStatus().isBadRequest()), "per_page",
				"between 1 and 100");
	}

	@Test
	void planAddonsBillingTemplatesAndRenewalChangeAndAreAnnounced() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		JsonNode pro = body(partner.post(base + "/change-plan", Map.of("plan", "pro")).expectStatus().isOk());
		assertThat(pro.path("data").path("id").asString()).isEqualTo(id);
		assertThat(pro.path("data").path("plan").asString()).isEqualTo("pro");
		assertThat(pro.path("data").path("addons").toString()).isEqualTo("[\"livechat\",\"seller_buyer_chat_system\"]");
		JsonNode removed = body(partner.post(base + "/remove-addon", Map.of("addon", "seller_buyer_chat_system"))
			.expectStatus()
			.isOk());
		assertThat(removed.path("data").path("addons").toString()).isEqualTo("[\"livechat\"]");
		assertRejected(body(partner.post(base + "/remove-addon", Map.of("addon", "seller_buyer_chat_system"))
			.expectStatus()
			.isNotFound()), "addon", "not installed");
		JsonNode added = body(
				partner.post(base + "/add-addon", Map.of("addon", "seller_buyer_chat_system")).expectStatus().isOk());
		assertThat(added.path("data").path("addons").size()).isEqualTo(2);
		assertRejected(body(partner.post(base + "/add-addon", Map.of("addon", "fax")).expectStatus().isNotFound()),
				"addon", "'fax' does not exist");
		assertRejected(body(partner.post(base + "/change-plan", Map.of("plan", "gold")).expectStatus().isNotFound()),
				"plan", "'gold' does not exist");

		JsonNode billing = body(partner
			.post(base + "/update-extra-billing-information", Map.of("company", "Acme Ltd", "tax_id", "GB123"))
			.expectStatus()
			.isOk());
		assertThat(billing.path("data").path("extra_billing_information").path("tax_id").asString()).isEqualTo("GB123");
		JsonNode template = body(
				partner.post(base + "/install-template", Map.of("template", "support-desk")).expectStatus().isOk());
		assertThat(template.path("data").path("templates").toString()).isEqualTo("[\"support-desk\"]");
		assertRejected(
				body(partner.post(base + "/install-template", Map.of("template", "nope")).expectStatus().isNotFound()),
				"template", "does not exist");
		assertThat(body(partner.post(base + "/enable-auto-renew", Map.of()).expectStatus().isOk()).path("data")
			.path("auto_renew")
			.asBoolean()).isTrue();
		assertThat(body(partner.post(base + "/disable-auto-renew", Map.of()).expectStatus().isOk()).path("data")
			.path("auto_renew")
			.asBoolean()).isFalse();

		List<Object> events = eventually().until(() -> this.published.records()
			.stream()
			.map((record) -> this.json.fromBytes(record.value()))
			.filter((event) -> event.subject().equals(id))
			.map((event) -> (Object) event.data())
			.toList(), (found) -> found.size() >= 5);
		assertThat(events.get(0)).isInstanceOf(WorkspaceCreated.class);
		assertThat(events.get(1)).isInstanceOf(PlanChanged.class);
		assertThat(((PlanChanged) events.get(1)).maxOperators()).isEqualTo(20);
		assertThat(events.subList(2, 5)).allMatch(WorkspaceAddonChanged.class::isInstance);
		assertThat(events.subList(2, 5)).extracting((event) -> ((WorkspaceAddonChanged) event).installed())
			.containsExactly(true, false, true);
	}

	@Test
	void aPausedWorkspaceRefusesChangesUntilItIsActiveAgain() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		JsonNode paused = body(
				partner.post(base + "/pause", Map.of("reason", "invoice overdue")).expectStatus().isOk());
		assertThat(paused.path("data").path("status").asString()).isEqualTo("paused");
		assertThat(paused.path("data").path("paused_reason").asString()).isEqualTo("invoice overdue");
		for (String change : List.of("change-plan", "add-addon", "topup-points", "deduct-points", "enable-auto-renew",
				"invite-member", "install-template", "update-extra-billing-information", "pause")) {
			Map<String, Object> body = Map.of("plan", "pro", "addon", "livechat", "points", 1, "reason", "r", "email",
					"a@b.example", "role", "agent", "template", "support-desk", "company", "X");
			assertRejected(body(partner.post(base + "/" + change, body).expectStatus().isEqualTo(409)), "workspaceId",
					"invoice overdue");
		}
		assertRejected(body(partner.delete(base).expectStatus().isEqualTo(409)), "workspaceId", "is paused");
		// Reads still work while paused.
		partner.get(base + "/members").expectStatus().isOk();
		JsonNode active = body(partner.post(base + "/active", Map.of()).expectStatus().isOk());
		assertThat(active.path("data").path("status").asString()).isEqualTo("active");
		assertThat(active.path("data").has("paused_reason")).isFalse();
		assertRejected(body(partner.post(base + "/active", Map.of()).expectStatus().isEqualTo(409)), "workspaceId",
				"is not paused");
		partner.post(base + "/change-plan", Map.of("plan", "pro")).expectStatus().isOk();
	}

	@Test
	void deletedWorkspaceIsGoneAndItsOrganisationIsToBeDisabled() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		JsonNode deleted = body(partner.delete("/partner/workspace/" + id).expectStatus().isOk());
		assertThat(deleted.path("data").path("id").asString()).isEqualTo(id);
		assertThat(deleted.path("data").path("status").asString()).isEqualTo("deleted");
		partner.get("/partner/workspace/" + id).expectStatus().isNotFound();
		assertThat(body(partner.get("/partner/workspaces").expectStatus().isOk()).path("data").path("total").asLong())
			.isZero();
		eventually().until(() -> dataOf(id, WorkspaceDeleted.class), (found) -> found != null);
	}

	@Test
	void membersAreInvitedListedAcceptedAsOperatorsAndRemoved() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		JsonNode invited = body(
				partner.post(base + "/invite-member", Map.of("email", "Ana@Team.example", "role", "agent"))
					.expectStatus()
					.isOk());
		assertThat(invited.path("data").path("id").asString()).isEqualTo("ana@team.example");
		assertThat(invited.path("data").path("status").asString()).isEqualTo("pending");
		partner.post(base + "/invite-member", Map.of("email", "boss@team.example", "role", "admin"))
			.expectStatus()
			.isOk();
		assertRejected(body(partner.post(base + "/invite-member", Map.of("email", "ana@team.example", "role", "agent"))
			.expectStatus()
			.isEqualTo(409)), "email", "already");
		assertRejected(body(partner.post(base + "/invite-member", Map.of("email", "c@team.example", "role", "owner"))
			.expectStatus()
			.isBadRequest()), "role", "admin, agent");
		eventually().until(() -> dataOf(id, MemberInvited.class), (found) -> found != null);

		// The workspace's organisation made the agent an operator.
		publish(id, id, new AgentMemberEnlisted("ana@team.example", "op-1", List.of("livechat"), Instant.now()));
		eventually().until(() -> body(partner.get(base + "/members").expectStatus().isOk()).path("data"),
				(members) -> members.size() == 2 && members.path(0).path("status").asString().equals("accepted"));
		assertThat(body(partner.get(base + "/members").expectStatus().isOk()).path("data").path(0).has("reason"))
			.isFalse();
		assertThat(body(partner.get(base + "/members").expectStatus().isOk()).path("data")
			.path(1)
			.path("status")
			.asString()).isEqualTo("pending");

		JsonNode removed = body(
				partner.post(base + "/remove-member", Map.of("email", "ana@team.example")).expectStatus().isOk());
		assertThat(removed.path("data").path("email").asString()).isEqualTo("ana@team.example");
		assertRejected(body(
				partner.post(base + "/remove-member", Map.of("email", "ana@team.example")).expectStatus().isNotFound()),
				"email", "not a member");
		assertThat(body(partner.get(base + "/members").expectStatus().isOk()).path("data").size()).isEqualTo(1);
	}

	@Test
	void anAgentTheOrganisationCouldNotMakeAnOperatorIsListedRefusedWithTheReason() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String base = "/partner/workspace/" + id;
		partner.post(base + "/invite-member", Map.of("email", "bo@team.example", "role", "agent"))
			.expectStatus()
			.isOk();

		publish(id, id, new AgentMemberRefused("bo@team.example",
				"plan limit reached: at most 3 operators on plan starter (3 in use)", Instant.now()));
		JsonNode member = eventually().until(
				() -> body(partner.get(base + "/members").expectStatus().isOk()).path("data").path(0),
				(found) -> found.path("status").asString().equals("refused"));
		assertThat(member.path("reason").asString())
			.isEqualTo("plan limit reached: at most 3 operators on plan starter (3 in use)");
		assertThat(member.path("email").asString()).isEqualTo("bo@team.example");
	}

	@Test
	void flowsAreTheDomainsOfTheWorkspacesOrganisation() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String domainId = UUID.randomUUID().toString();
		publish(id, domainId,
				new DomainCreated(domainId, "shop.example.com", "web@shop.example.com", "livechat", true));
		publish("another-org", "d-2", new DomainCreated("d-2", "other.example.com", "x@o.example", "livechat", true));
		// A domain older than the topic, known from its announcement only.
		String olderId = UUID.randomUUID().toString();
		publish(id, olderId,
				new DomainAnnounced(olderId, "old.example.com", "web@old.example.com", "livechat", false, List.of(),
						new DomainAnnounced.Visibility(false, "domain 'old.example.com' is not active", 7),
						Instant.now()));
		JsonNode flows = eventually().until(
				() -> body(partner.get("/partner/workspace/" + id + "/list-flows").expectStatus().isOk()).path("data"),
				(found) -> found.size() == 2);
		boolean olderFirst = flows.path(0).path("id").asString().equals(olderId);
		JsonNode older = flows.path(olderFirst ? 0 : 1);
		assertThat(older.path("name").asString()).isEqualTo("old.example.com");
		assertThat(older.path("active").asBoolean(true)).isFalse();
		// Its widget's verdict came with it, though unchanged for longer than the topic.
		assertThat(older.path("visible").asBoolean(true)).isFalse();
		assertThat(older.path("reason").asString()).isEqualTo("domain 'old.example.com' is not active");
		JsonNode shop = flows.path(olderFirst ? 1 : 0);
		assertThat(shop.path("id").asString()).isEqualTo(domainId);
		assertThat(shop.path("name").asString()).isEqualTo("shop.example.com");
		assertThat(shop.path("active").asBoolean()).isTrue();
		assertThat(shop.path("visible").asBoolean(true)).isFalse();
		assertThat(shop.path("reason").asString()).isEqualTo("not known yet");
	}

	@Test
	void flowsSayWhetherTheirWidgetShowsAsOperatorDomainServiceLastAnnounced() {
		PartnerApi partner = newPartner();
		String id = partner.newWorkspace("starter");
		String domainId = UUID.randomUUID().toString();
		String flows = "/partner/workspace/" + id + "/list-flows";
		Instant now = Instant.now();
		publish(id, domainId,
				new DomainCreated(domainId, "shop.example.com", "web@shop.example.com", "livechat", true));
		publish(id, domainId, new WidgetVisibilityChanged(domainId, "shop.example.com", "livechat", false,
				"no operator is assigned to domain 'shop.example.com'", 0, now));
		publish(id, domainId, new WidgetVisibilityChanged(domainId, "shop.example.com", "livechat", true, null, 3,
				now.plusSeconds(1)));
		JsonNode flow = eventually().until(() -> body(partner.get(flows).expectStatus().isOk()).path("data").path(0),
				(found) -> found.path("visible").asBoolean());
		assertThat(flow.path("reason").isNull()).isTrue();

		// A change of the domain leaves what is known of its widget; a late announcement
		// of an older verdict changes nothing, whatever its time; a later one does.
		publish(id, domainId, new DomainUpdated(domainId, "shop.example.com", "shop.example.com",
				"web@shop.example.com", "livechat", true));
		publish(id, domainId, new WidgetVisibilityChanged(domainId, "shop.example.com", "livechat", false, "stale", 2,
				now.plusSeconds(5)));
		publish(id, domainId, new WidgetVisibilityChanged(domainId, "shop.example.com", "livechat", false,
				"workspace paused", 4, now.plusSeconds(2)));
		flow = eventually().until(() -> body(partner.get(flows).expectStatus().isOk()).path("data").path(0),
				(found) -> !found.path("visible").asBoolean(true));
		assertThat(flow.path("reason").asString()).isEqualTo("workspace paused");
		assertThat(flow.path("active").asBoolean()).isTrue();
	}

	@Test
	void billingInformationIsCappedOnWhatTheWorkspaceKeepsNotPerRequest() {
		PartnerApi partner = newPartner();
		String base = "/partner/workspace/" + partner.newWorkspace("starter");
		for (int i = 0; i < 4; i++) {
			Map<String, String> five = new java.util.LinkedHashMap<>();
			for (int j = 0; j < 5; j++) {
				five.put("field_" + i + "_" + j, "v");
			}
			partner.post(base + "/update-extra-billing-information", five).expectStatus().isOk();
		}
		// Changing a field it has is fine; a 21st field is not, and changes nothing.
		partner.post(base + "/update-extra-billing-information", Map.of("field_0_0", "changed")).expectStatus().isOk();
		assertRejected(body(partner.post(base + "/update-extra-billing-information", Map.of("one_more", "x"))
			.expectStatus()
			.isBadRequest()), "request", "a workspace keeps at most 20 billing fields");
		JsonNode billing = body(partner.get(base).expectStatus().isOk()).path("data").path("extra_billing_information");
		assertThat(billing.size()).isEqualTo(20);
		assertThat(billing.path("field_0_0").asString()).isEqualTo("changed");
	}

	@Test
	void cataloguesListPlansAddonsAndTemplates() {
		PartnerApi partner = newPartner();
		JsonNode plans = body(partner.get("/partner/plans").expectStatus().isOk()).path("data");
		assertThat(plans.path(0).path("id").asString()).isEqualTo("starter");
		assertThat(plans.path(0).path("price").asLong()).isEqualTo(100);
		assertThat(plans.path(0).path("period_days").asLong()).isEqualTo(30);
		assertThat(plans.path(0).path("limits").path("operators").asInt()).isEqualTo(3);
		JsonNode addons = body(partner.get("/partner/addons").expectStatus().isOk()).path("data");
		assertThat(addons.path(0).path("id").asString()).isEqualTo("livechat");
		assertThat(addons.path(0).path("price").asLong()).isEqualTo(50);
		JsonNode templates = body(partner.get("/partner/templates").expectStatus().isOk()).path("data");
		assertThat(templates.path(0).path("id").asString()).isEqualTo("support-desk");
		assertThat(templates.path(0).path("name").asString()).isEqualTo("Support desk");
	}

	@Test
	void badInputIsRefusedInThePartnerShape() {
		PartnerApi partner = newPartner();
		assertRejected(
				body(partner.post("/partner/workspace/create",
						Map.of("name", "X", "sub_domain", "Bad_Domain!", "plan", "starter", "client",
								Map.of("email", "a@b.example", "name", "A")))
					.expectStatus()
					.isBadRequest()),
				"sub_domain", "sub domain name");
		assertRejected(body(
				partner.post("/partner/workspace/create", Map.of("name", "X", "sub_domain", "fine", "plan", "starter"))
					.expectStatus()
					.isBadRequest()),
				"email", "required");
		assertRejected(body(partner
			.post("/partner/workspace/create",
					Map.of("name", "X", "sub_domain", "fine", "plan", "starter", "client",
							Map.of("email", "a@b.example", "name", "A", "password", "short")))
			.expectStatus()
			.isBadRequest()), "client.password", "at least 8");
		String id = partner.newWorkspace("starter");
		assertRejected(
				body(partner.post("/partner/workspace/" + id + "/topup-points", Map.of("points", "many", "reason", "r"))
					.expectStatus()
					.isBadRequest()),
				"points", "whole number");
		JsonNode malformed = body(this.web.post()
			.uri("/partner/workspace/" + id + "/change-plan")
			.header("Authorization", "Bearer " + partner.key())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"plan\": ")
			.exchange()
			.expectStatus()
			.isBadRequest());
		assertThat(malformed.path("status").asString()).isEqualTo("error");
		assertThat(malformed.path("message").asString()).contains("not valid JSON");
		JsonNode media = body(this.web.post()
			.uri("/partner/workspace/" + id + "/change-plan")
			.header("Authorization", "Bearer " + partner.key())
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("plan=pro")
			.exchange()
			.expectStatus()
			.isEqualTo(415));
		assertThat(media.path("status").asString()).isEqualTo("error");
		JsonNode unknown = body(partner.get("/partner/nothing-here").expectStatus().isNotFound());
		assertThat(unknown.path("status").asString()).isEqualTo("error");
	}

	private Object dataOf(String workspaceId, Class<?> type) {
		return this.published.records()
			.stream()
			.map((record) -> this.json.fromBytes(record.value()))
			.filter((event) -> event.subject().equals(workspaceId))
			.map(CloudEvent::data)
			.filter(type::isInstance)
			.findFirst()
			.orElse(null);
	}

}
