package com.chatsuite.contracts.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ApiBodiesTests {

	// Default settings, as a service's web layer serialises its bodies.
	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void ticketApiErrorsSerialiseExactlyAsDocumented() {
		assertThat(json(TicketApiError.notFound()))
			.isEqualTo("{\"errors\":[{\"status\":\"404\",\"title\":\"not found\"}]}");
		assertThat(json(TicketApiError.badRequest()))
			.isEqualTo("{\"errors\":[{\"status\":\"400\",\"title\":\"bad request\"}]}");
		assertThat(json(TicketApiError.unauthorized()))
			.isEqualTo("{\"errors\":[{\"status\":\"401\",\"title\":\"not authorize\"}]}");
		assertThat(json(TicketApiError.forbidden()))
			.isEqualTo("{\"errors\":[{\"status\":\"403\",\"title\":\"forbidden\"}]}");
		assertThat(json(TicketApiError.internal()))
			.isEqualTo("{\"errors\":[{\"status\":\"500\",\"title\":\"internal server error\"}]}");
		assertThat(json(TicketApiError.of(409, "conflict")))
			.isEqualTo("{\"errors\":[{\"status\":\"409\",\"title\":\"conflict\"}]}");
	}

	@Test
	void invisibleWidgetKeepsTheIsWidgetVisibleNameAndGivesItsReason() {
		assertThat(json(WidgetVisibilityResponse.invisible("domain shop.example is inactive")))
			.isEqualTo("{\"type\":\"failure\",\"data\":{\"isWidgetVisible\":false,"
					+ "\"reason\":\"domain shop.example is inactive\"}}");
	}

	@Test
	void visibleWidgetOmitsTheReason() {
		assertThat(json(WidgetVisibilityResponse.visible()))
			.isEqualTo("{\"type\":\"success\",\"data\":{\"isWidgetVisible\":true}}");
	}

	@Test
	void widgetVisibilityReadsBackFromItsJson() {
		WidgetVisibilityResponse response = WidgetVisibilityResponse.invisible("no operator online");
		assertThat(this.mapper.readValue(json(response), WidgetVisibilityResponse.class)).isEqualTo(response);
	}

	@Test
	void addonApiBodiesCarryTheirNumericStatus() {
		assertThat(json(AddonApiResponse.ok(Map.of("id", "op-1"))))
			.isEqualTo("{\"status\":1,\"data\":{\"id\":\"op-1\"}}");
		assertThat(json(AddonApiError.of("email is required", FieldError.of("email", "is required"))))
			.isEqualTo("{\"status\":0,\"message\":\"email is required\","
					+ "\"errors\":[{\"field\":\"email\",\"message\":\"is required\"}]}");
		assertThat(json(AddonApiError.of("operator op-9 not found")))
			.isEqualTo("{\"status\":0,\"message\":\"operator op-9 not found\",\"errors\":[]}");
	}

	@Test
	void chatRoomApiBodiesCarryTheirSuccessFlag() {
		assertThat(json(ChatRoomApiResponse.ok("room created", Map.of("room_id", "room-1"))))
			.isEqualTo("{\"success\":true,\"message\":\"room created\",\"response\":{\"room_id\":\"room-1\"}}");
		assertThat(json(ChatRoomApiError.of("room room-1 is closed")))
			.isEqualTo("{\"success\":false,\"message\":\"room room-1 is closed\"}");
	}

	@Test
	void partnerApiBodiesCarryTheirStatusWord() {
		assertThat(json(PartnerApiResponse.ok(List.of("ws-1")))).isEqualTo("{\"status\":\"ok\",\"data\":[\"ws-1\"]}");
		assertThat(json(PartnerApiError.of("plan is unknown", FieldError.of("plan", "unknown plan gold"))))
			.isEqualTo("{\"status\":\"error\",\"message\":\"plan is unknown\","
					+ "\"errors\":[{\"field\":\"plan\",\"message\":\"unknown plan gold\"}]}");
	}

	private String json(Object body) {
		return this.mapper.writeValueAsString(body);
	}

}
