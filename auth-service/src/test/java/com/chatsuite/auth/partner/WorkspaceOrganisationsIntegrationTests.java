package com.chatsuite.auth.partner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.chatsuite.auth.AuthApiSupport;
import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.partner.WorkspaceAddonChanged;
import com.chatsuite.contracts.events.partner.WorkspaceCreated;
import com.chatsuite.contracts.events.partner.WorkspaceDeleted;
import com.chatsuite.testsupport.EventPublisher;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's workspace becomes an organisation its client logs into, from
 * partner-service's events: created once however often the event arrives, its addons
 * following the workspace's, disabled when the workspace is deleted.
 */
@SuiteIntegrationTest
class WorkspaceOrganisationsIntegrationTests extends AuthApiSupport {

	private static final String CLIENT_PASSWORD = "client-password-1";

	@Autowired
	private EventJson json;

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Test
	void theClientLogsIntoTheWorkspacesOrganisationWithItsAddons() {
		String workspaceId = UUID.randomUUID().toString();
		String domain = "ws-" + workspaceId.substring(0, 8);
		String email = "client@" + domain + ".example";
		CloudEvent<?> created = publish(workspaceId,
				new WorkspaceCreated(workspaceId, "partner-1", "Client shop", domain, email,
						new BCryptPasswordEncoder(4).encode(CLIENT_PASSWORD), "starter", List.of("livechat"), 3, 1,
						Instant.now()));
		JsonNode token = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> login(email, domain, "livechat"), (answer) -> answer.path("status").asInt() == 1);
		assertThat(token.path("data").path("access_token").asString()).isNotBlank();
		JsonNode organisation = organisation(workspaceId);
		assertThat(organisation.path("id").asString()).isEqualTo(workspaceId);
		assertThat(organisation.path("organisation_domain").asString()).isEqualTo(domain);
		// The same event again changes nothing.
		publish(created);

		publish(workspaceId,
				new WorkspaceAddonChanged(workspaceId, "partner-1", "seller_buyer_chat_system", true, Instant.now()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> login(email, domain, "seller_buyer_chat_system").path("status").asInt() == 1);
		publish(workspaceId, new WorkspaceAddonChanged(workspaceId, "partner-1", "livechat", false, Instant.now()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> organisation(workspaceId).path("addons").toString().equals("[\"seller_buyer_chat_system\"]"));

		publish(workspaceId, new WorkspaceDeleted(workspaceId, "partner-1", Instant.now()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> organisation(workspaceId).path("status").asString().equalsIgnoreCase("disabled"));
		assertThat(login(email, domain, "seller_buyer_chat_system").path("status").asInt()).isZero();
	}

	private JsonNode organisation(String id) {
		return body(this.web.get()
			.uri("/platform/organisations/{id}", id)
			.header("Authorization", "Bearer " + api().platformToken())
			.exchange()).path("data");
	}

	private JsonNode login(String email, String domain, String addon) {
		WebTestClient.ResponseSpec response = this.web.get()
			.uri((uri) -> uri.path("/admin/access-token")
				.queryParam("email", email)
				.queryParam("password", CLIENT_PASSWORD)
				.queryParam("organisation_domain", domain)
				.queryParam("addon_unique_name", addon)
				.build())
			.exchange();
		return body(response);
	}

	private CloudEvent<?> publish(String workspaceId, EventData data) {
		return new EventPublisher(this.kafka, this.json).publish("partner-service", "partner-1", workspaceId, data);
	}

	private void publish(CloudEvent<?> event) {
		new EventPublisher(this.kafka, this.json).publish(event);
	}

}
