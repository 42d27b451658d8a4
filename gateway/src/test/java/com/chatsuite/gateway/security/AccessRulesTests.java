package com.chatsuite.gateway.security;

import java.util.List;

import com.chatsuite.gateway.routing.EndpointPattern;
import com.chatsuite.gateway.security.AccessRules.Access;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTests {

	private final AccessRules rules = new AccessRules(new GatewaySecurityProperties(
			List.of(EndpointPattern.of("GET /admin/access-token"), EndpointPattern.of("POST /platform/token"),
					EndpointPattern.of("/actuator/health/**")),
			List.of(EndpointPattern.of("POST /api/v2/room-control/**"), EndpointPattern.of("GET /api/v2/init/**")),
			List.of(EndpointPattern.of("/api/v2/room-service/**"), EndpointPattern.of("GET /api/v2/rooms/*/stream")),
			List.of(EndpointPattern.of("GET /api/v2/rooms/*/stream")), "X-Room-Token", "chat-suite"));

	@Test
	void tokenEndpointsArePublicForTheirMethodOnly() {
		assertThat(this.rules.accessOf(MockServerHttpRequest.get("/admin/access-token").build()))
			.isEqualTo(Access.PUBLIC);
		assertThat(this.rules.accessOf(MockServerHttpRequest.delete("/admin/access-token").build()))
			.isEqualTo(Access.TOKEN);
		assertThat(this.rules.accessOf(MockServerHttpRequest.post("/platform/token").build())).isEqualTo(Access.PUBLIC);
		assertThat(this.rules.accessOf(MockServerHttpRequest.post("/platform/organisations").build()))
			.isEqualTo(Access.TOKEN);
	}

	@Test
	void healthIsPublicAndVisitorsOpenRoomsWithoutToken() {
		assertThat(this.rules.accessOf(MockServerHttpRequest.get("/actuator/health/readiness").build()))
			.isEqualTo(Access.PUBLIC);
		assertThat(this.rules.accessOf(MockServerHttpRequest.post("/api/v2/room-control/").build()))
			.isEqualTo(Access.VISITOR);
		assertThat(this.rules.accessOf(MockServerHttpRequest.get("/api/v2/init/org/shop/QR1/").build()))
			.isEqualTo(Access.VISITOR);
	}

	@Test
	void anAuthorizationHeaderOnAVisitorPathIsVerifiedLikeAnyToken() {
		assertThat(this.rules.accessOf(
				MockServerHttpRequest.post("/api/v2/room-control/").header(HttpHeaders.AUTHORIZATION, "junk").build()))
			.isEqualTo(Access.TOKEN);
		assertThat(this.rules.accessOf(MockServerHttpRequest.get("/api/v2/room-service/")
			.header("X-Room-Token", "room")
			.header(HttpHeaders.AUTHORIZATION, "Bearer agent")
			.build())).isEqualTo(Access.TOKEN);
	}

	@Test
	void roomCallsNeedARoomTokenInTheHeaderOrOnTheStreamInTheQuery() {
		MockServerHttpRequest bare = MockServerHttpRequest.get("/api/v2/room-service/?type=get_messages").build();
		assertThat(this.rules.accessOf(bare)).isEqualTo(Access.ROOM_TOKEN);
		assertThat(this.rules.presentsRoomToken(bare)).isFalse();
		assertThat(this.rules.presentsRoomToken(
				MockServerHttpRequest.get("/api/v2/room-service/").header("X-Room-Token", "room").build()))
			.isTrue();
		assertThat(
				this.rules.presentsRoomToken(MockServerHttpRequest.get("/api/v2/rooms/r1/stream?token=room").build()))
			.isTrue();
		assertThat(this.rules.presentsRoomToken(MockServerHttpRequest.get("/api/v2/room-service/?token=room").build()))
			.as("the query parameter is accepted on the stream only")
			.isFalse();
	}

	@Test
	void roomTokenOpensNothingElse() {
		assertThat(this.rules.accessOf(MockServerHttpRequest.get("/v1/tickets").header("X-Room-Token", "room").build()))
			.isEqualTo(Access.TOKEN);
	}

}
