package com.chatsuite.ticket.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import com.chatsuite.contracts.events.ticket.AgentStatus;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The agent ticket API's presence endpoints: who the agent is and how long it has been in
 * its status, and changing that status.
 */
@RestController
class AgentController {

	/**
	 * The reference document's time format, Go's default:
	 * {@code 2012-12-11 08:52:31 +0000 UTC}.
	 */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** What the reference document's clients print for a time never set. */
	static final String NEVER = "0001-01-01 00:00:00 +0000 UTC";

	private final CurrentAgent current;

	private final PresenceService presence;

	private final Clock clock;

	AgentController(CurrentAgent current, PresenceService presence, Clock clock) {
		this.current = current;
		this.presence = presence;
		this.clock = clock;
	}

	@GetMapping("/v1/info")
	Mono<AgentInfo> info(ServerWebExchange exchange) {
		return this.current.of(exchange).map(this::info);
	}

	@PutMapping("/v1/online")
	Mono<AgentStatusInfo> online(ServerWebExchange exchange) {
		return change(exchange, Mono.just(AgentStatus.ONLINE));
	}

	@PutMapping("/v1/offline")
	Mono<AgentStatusInfo> offline(ServerWebExchange exchange) {
		return change(exchange, Mono.just(AgentStatus.OFFLINE));
	}

	@PutMapping("/v1/status")
	Mono<AgentStatusInfo> status(ServerWebExchange exchange) {
		return change(exchange, RequestFields.read(exchange).map(AgentController::requestedStatus));
	}

	@GetMapping("/v1/statuses")
	Mono<AgentStatusList> statuses(ServerWebExchange exchange) {
		return this.current.of(exchange)
			.thenReturn(new AgentStatusList(Arrays.stream(AgentStatus.values()).map(AgentStatus::apiValue).toList()));
	}

	private Mono<AgentStatusInfo> change(ServerWebExchange exchange, Mono<AgentStatus> status) {
		return this.current.of(exchange)
			.zipWith(status)
			.flatMap((request) -> this.presence.change(request.getT1().id(), request.getT2()))
			.map((agent) -> new AgentStatusInfo(agent.operatorId(), agent.status().apiValue()));
	}

	private static AgentStatus requestedStatus(RequestFields fields) {
		String value = fields.requiredText("status");
		return AgentStatus.fromApiValue(value)
			.orElseThrow(() -> ApiException.badRequest("status", "status must be online, offline, away or busy"));
	}

	private AgentInfo info(Agent agent) {
		Instant now = this.clock.instant();
		Instant since = (agent.statusChangedAt() != null) ? agent.statusChangedAt() : now;
		String status = agent.status().apiValue();
		return new AgentInfo(agent.operatorId(), agent.name(), status, status, format(agent.lastLoginAt()),
				format(agent.statusChangedAt()), Math.max(0, Duration.between(since, now).toSeconds()));
	}

	private static String format(Instant time) {
		return (time != null) ? TIME.format(time) : NEVER;
	}

	/**
	 * AgentInfo of the reference document.
	 *
	 * @param id the agent id (operator id)
	 * @param name the agent's name
	 * @param status its status
	 * @param statusAlias its status, as shown
	 * @param lastLoginTime when it last went online
	 * @param updatedAt when its status last changed
	 * @param agentTimeInStatus seconds in the current status
	 */
	record AgentInfo(String id, String name, String status, String statusAlias, String lastLoginTime, String updatedAt,
			long agentTimeInStatus) {

	}

	/**
	 * AgentStatusInfo of the reference document.
	 *
	 * @param id the agent id
	 * @param status its status
	 */
	record AgentStatusInfo(String id, String status) {

	}

	/**
	 * AgentStatusList of the reference document.
	 *
	 * @param data the statuses an agent can have
	 */
	record AgentStatusList(List<String> data) {

	}

}
