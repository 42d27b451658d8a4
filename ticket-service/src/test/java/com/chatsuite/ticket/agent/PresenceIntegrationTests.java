package com.chatsuite.ticket.agent;

import java.time.Duration;
import java.util.Map;

import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.contracts.events.ticket.AgentStatusChanged;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.testsupport.TestTokens;
import com.chatsuite.ticket.TicketIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence through the agent ticket API: what an agent's console reads and changes, the
 * agent-status-changed events operator-domain-service relies on, and the refusals in the
 * document's exact error shape.
 */
@SuiteIntegrationTest
class PresenceIntegrationTests extends TicketIntegrationTest {

	@Autowired
	private Agents agents;

	@Autowired
	private PresenceService presence;

	@Test
	void infoDescribesAnOperatorThatNeverLoggedIn() {
		Agent agent = operator(newId("org"), "Somename");
		JsonNode info = body(agent.info().expectStatus().isOk());
		assertThat(info.path("id").asString()).isEqualTo(agent.operatorId());
		assertThat(info.path("name").asString()).isEqualTo("Somename");
		assertThat(info.path("status").asString()).isEqualTo("offline");
		assertThat(info.path("statusAlias").asString()).isEqualTo("offline");
		assertThat(info.path("lastLoginTime").asString()).isEqualTo("0001-01-01 00:00:00 +0000 UTC");
		assertThat(info.path("updatedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+0000 UTC");
		assertThat(info.path("agentTimeInStatus").isIntegralNumber()).isTrue();
	}

	@Test
	void anAgentSeenAfterTheIdleCheckReadItStaysOnline() {
		String orgId = newId("org");
		Agent agent = onlineOperator(orgId, "Still Here");
		String key = com.chatsuite.ticket.agent.Agent.key(orgId, LIVECHAT, agent.operatorId());
		// Housekeeping read the agent as idle; the agent then made a call.
		var asRead = this.agents.find(key).block(Duration.ofSeconds(10));
		this.agents.seen(key).block(Duration.ofSeconds(10));
		this.presence.offlineIfIdle(asRead, this.clock.instant().plus(Duration.ofMinutes(1)))
			.block(Duration.ofSeconds(10));
		assertThat(body(agent.info().expectStatus().isOk()).path("status").asString()).isEqualTo("online");
	}

	@Test
	void goingOnlineIsAnnouncedAndCountsTimeInStatus() {
		Agent agent = operator(newId("org"), "Ana");
		agent.online()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"id\": \"" + agent.operatorId() + "\", \"status\": \"online\"}", JsonCompareMode.STRICT);
		this.clock.advance(Duration.ofSeconds(90));
		JsonNode info = body(agent.info().expectStatus().isOk());
		assertThat(info.path("status").asString()).isEqualTo("online");
		assertThat(info.path("agentTimeInStatus").asLong()).isEqualTo(90);
		assertThat(info.path("lastLoginTime").asString()).isEqualTo(info.path("updatedAt").asString())
			.isNotEqualTo("0001-01-01 00:00:00 +0000 UTC");
		eventually().until(() -> publishedAbout(agent.operatorId()).stream()
			.anyMatch((event) -> event instanceof AgentStatusChanged changed && changed.status() == AgentStatus.ONLINE
					&& changed.addon().equals(LIVECHAT)
					&& changed.email().equals(agent.operatorId() + "@example.test")));
	}

	@Test
	void statusCanBeSetToEachDocumentedValueAndAnnouncedOncePerChange() {
		Agent agent = operator(newId("org"), "Bo");
		for (String status : new String[] { "online", "away", "busy", "offline" }) {
			assertThat(body(agent.status(status).expectStatus().isOk()).path("status").asString()).isEqualTo(status);
			assertThat(body(agent.info().expectStatus().isOk()).path("status").asString()).isEqualTo(status);
		}
		agent.offline().expectStatus().isOk();
		eventually().untilAsserted(() -> assertThat(publishedAbout(agent.operatorId()))
			.extracting((event) -> ((AgentStatusChanged) event).status())
			.containsExactly(AgentStatus.ONLINE, AgentStatus.AWAY, AgentStatus.BUSY, AgentStatus.OFFLINE));
	}

	@Test
	void statusIsAcceptedAsAFormToo() {
		Agent agent = operator(newId("org"), "Cy");
		this.web.put()
			.uri("/v1/status")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + agent.token())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("status=away")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(body(agent.info()).path("status").asString()).isEqualTo("away");
	}

	@Test
	void unknownOrMissingStatusIsABadRequest() {
		Agent agent = operator(newId("org"), "Di");
		agent.status("sleeping")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.json("{\"errors\": [{\"status\": \"400\", \"title\": \"bad request\"}]}", JsonCompareMode.STRICT);
		agent.call("PUT", "/v1/status", Map.of()).expectStatus().isBadRequest();
		assertThat(body(agent.info()).path("status").asString()).isEqualTo("offline");
	}

	@Test
	void statusesListsTheFourPresences() {
		Agent agent = operator(newId("org"), "Ed");
		agent.call("GET", "/v1/statuses", null)
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"data\": [\"offline\", \"online\", \"away\", \"busy\"]}", JsonCompareMode.STRICT);
	}

	@Test
	void callsWithoutAValidAgentTokenAreNotAuthorized() {
		this.web.get()
			.uri("/v1/info")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.json("{\"errors\": [{\"status\": \"401\", \"title\": \"not authorize\"}]}", JsonCompareMode.STRICT);
		String orgId = newId("org");
		this.web.put()
			.uri("/v1/online")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + addonToken(orgId, LIVECHAT))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.web.get()
			.uri("/v1/tickets")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().agent("op", orgId, LIVECHAT) + "x")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void anOperatorUnknownToTheDirectoryIsNotFound() {
		String orgId = newId("org");
		this.web.get()
			.uri("/v1/info")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + agentToken(orgId, newId("op")))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.json("{\"errors\": [{\"status\": \"404\", \"title\": \"not found\"}]}", JsonCompareMode.STRICT);
	}

	@Test
	void unknownPathsAnswerInTheTicketErrorShape() {
		this.web.get()
			.uri("/v1/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.json("{\"errors\": [{\"status\": \"404\", \"title\": \"not found\"}]}", JsonCompareMode.STRICT);
	}

}
