package com.chatsuite.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.chatsuite.contracts.partner.PartnerPermission;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every partner endpoint needs its permission (403 naming it), a valid API key (401), and
 * never reaches another partner's workspace (404).
 */
@SuiteIntegrationTest
class AccessIntegrationTests extends PartnerIntegrationTest {

	static Stream<Endpoints> endpoints() {
		return Endpoints.ALL.stream();
	}

	static Stream<Endpoints> workspaceEndpoints() {
		return Endpoints.aboutOneWorkspace().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endpoints")
	void aKeyWithoutThePermissionIsRefusedNamingIt(Endpoints endpoint) {
		PartnerApi partner = newPartner();
		String workspaceId = partner.newWorkspace("starter");
		List<String> others = new ArrayList<>(PartnerPermission.names());
		others.remove(endpoint.permission());
		PartnerApi limited = partner.withPermissions(others);
		JsonNode body = body(limited.send(endpoint.method(), endpoint.path(workspaceId), endpoint.body(), null)
			.expectStatus()
			.isForbidden());
		assertRejected(body, "permission", "'" + endpoint.permission() + "'");
		// Nothing changed: the workspace is still there, active, on its plan.
		JsonNode workspace = body(partner.get("/partner/workspace/" + workspaceId).expectStatus().isOk());
		assertThat(workspace.path("data").path("status").asString()).isEqualTo("active");
		assertThat(workspace.path("data").path("plan").asString()).isEqualTo("starter");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endpoints")
	void aRequestWithoutAnApiKeyIsUnauthorized(Endpoints endpoint) {
		JsonNode body = body(this.web.method(endpoint.method())
			.uri(endpoint.path("any"))
			.exchange()
			.expectStatus()
			.isUnauthorized());
		assertThat(body.path("status").asString()).isEqualTo("error");
		assertThat(body.path("message").asString()).isNotBlank();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("workspaceEndpoints")
	void anotherPartnersWorkspaceIsNotFound(Endpoints endpoint) {
		PartnerApi owner = newPartner();
		String workspaceId = owner.newWorkspace("starter");
		PartnerApi stranger = newPartner();
		JsonNode body = body(stranger.send(endpoint.method(), endpoint.path(workspaceId), endpoint.body(), null)
			.expectStatus()
			.isNotFound());
		assertRejected(body, "workspaceId", workspaceId);
		JsonNode workspace = body(owner.get("/partner/workspace/" + workspaceId).expectStatus().isOk());
		assertThat(workspace.path("data").path("status").asString()).isEqualTo("active");
	}

}
