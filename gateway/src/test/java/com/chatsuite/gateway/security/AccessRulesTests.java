package com.chatsuite.gateway.security;

import java.util.List;

import com.chatsuite.gateway.routing.EndpointPattern;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTests {

	private final AccessRules rules = new AccessRules(new GatewaySecurityProperties(
			List.of(EndpointPattern.of("GET /admin/access-token"), EndpointPattern.of("POST /platform/token"),
					EndpointPattern.of("/api/v2/room-control/**"), EndpointPattern.of("/actuator/health/**")),
			List.of(EndpointPattern.of("/api/v2/room-service/**")), "X-Room-Token", "chat-suite"));

	@Test
	void tokenEndpointsArePublicForTheirMethodOnly() {
		assertThat(this.rules.isPublic(MockServerHttpRequest.get("/admin/access-token").build())).isTrue();
		assertThat(this.rules.isPublic(MockServerHttpRequest.delete("/admin/access-token").build())).isFalse();
		assertThat(this.rules.isPublic(MockServerHttpRequest.post("/platform/token").build())).isTrue();
		assertThat(this.rules.isPublic(MockServerHttpRequest.post("/platform/organisations").build())).isFalse();
	}

	@Test
	void healthAndVisitorRoomCreationArePublic() {
		assertThat(this.rules.isPublic(MockServerHttpRequest.get("/actuator/health").build())).isTrue();
		assertThat(this.rules.isPublic(MockServerHttpRequest.get("/actuator/health/readiness").build())).isTrue();
		assertThat(this.rules.isPublic(MockServerHttpRequest.post("/api/v2/room-control/create-room").build()))
			.isTrue();
	}

	@Test
	void roomServiceIsPublicOnlyWithRoomTokenAndWithoutAuthorization() {
		assertThat(this.rules.isPublic(MockServerHttpRequest.get("/api/v2/room-service/get-messages").build()))
			.isFalse();
		assertThat(this.rules.isPublic(
				MockServerHttpRequest.get("/api/v2/room-service/get-messages").header("X-Room-Token", "room").build()))
			.isTrue();
		assertThat(this.rules.isPublic(MockServerHttpRequest.get("/api/v2/room-service/get-messages")
			.header("X-Room-Token", "room")
			.header(HttpHeaders.AUTHORIZATION, "Bearer agent")
			.build())).isFalse();
	}

	@Test
	void roomTokenOpensNothingElse() {
		assertThat(this.rules.isPublic(MockServerHttpRequest.get("/v1/tickets").header("X-Room-Token", "room").build()))
			.isFalse();
	}

}
