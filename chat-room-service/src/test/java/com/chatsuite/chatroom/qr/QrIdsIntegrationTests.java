package com.chatsuite.chatroom.qr;

import java.util.List;
import java.util.Map;

import com.chatsuite.chatroom.ChatRoomIntegrationTest;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QR ids: an agent creates them for its organisation and lists them as documented.
 */
@SuiteIntegrationTest
class QrIdsIntegrationTests extends ChatRoomIntegrationTest {

	@Test
	void createdQrIdsAreTwelveCharactersAndListedAsDocumented() {
		String orgId = newOrganisation();
		String agent = agentOf(orgId);
		JsonNode created = body(create(agent, orgId, Map.of("count", 3)).expectStatus().isOk());
		assertThat(created.path("message").asString()).isEqualTo("QR ids created successfully");
		List<String> ids = created.path("response").path("qr_id_list").valueStream().map(JsonNode::asString).toList();
		assertThat(ids).hasSize(3).allMatch((id) -> id.matches("[A-Za-z0-9]{12}")).doesNotHaveDuplicates();

		JsonNode listed = body(this.web.post()
			.uri("/api/v2/get_QR_Id/{org}/", orgId)
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(listed.properties().stream().map(Map.Entry::getKey)).containsExactly("qr_id_list");
		assertThat(listed.path("qr_id_list").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void aCountOutsideOneToTheLimitIsRefused() {
		String orgId = newOrganisation();
		String agent = agentOf(orgId);
		assertRefused(create(agent, orgId, Map.of("count", 0)).expectStatus().isBadRequest(),
				"count must be between 1 and 100");
		assertRefused(create(agent, orgId, Map.of("count", 101)).expectStatus().isBadRequest(),
				"count must be between 1 and 100");
		assertRefused(create(agent, orgId, Map.of("count", "many")).expectStatus().isBadRequest(),
				"count must be a whole number");
		JsonNode listed = body(this.web.post()
			.uri("/api/v2/get_QR_Id/{org}/", orgId)
			.headers((headers) -> headers.setBearerAuth(agent))
			.exchange()
			.expectStatus()
			.isOk());
		assertThat(listed.path("qr_id_list").size()).isZero();
	}

	@Test
	void visitorsCannotMakeQrIds() {
		String orgId = newOrganisation();
		this.web.post().uri("/api/v2/qr-ids/{org}/", orgId).exchange().expectStatus().isUnauthorized();
	}

	private WebTestClient.ResponseSpec create(String agent, String orgId, Map<String, ?> body) {
		return this.web.post()
			.uri("/api/v2/qr-ids/{org}/", orgId)
			.headers((headers) -> headers.setBearerAuth(agent))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
