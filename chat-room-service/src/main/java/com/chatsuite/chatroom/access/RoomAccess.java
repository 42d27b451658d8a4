package com.chatsuite.chatroom.access;

import com.chatsuite.chatroom.room.Room;
import com.chatsuite.chatroom.room.RoomTokens;
import com.chatsuite.chatroom.room.Rooms;
import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Decides who calls and which rooms they reach (SPEC section 2): an {@code Authorization}
 * header must hold a valid agent token, which reaches the rooms of its organisation;
 * otherwise the room token reaches its own room. Any other room, whether it does not
 * exist or belongs to someone else, is not found: a 404 never tells a stranger that a
 * room exists.
 */
@Component
public class RoomAccess {

	/** The query parameter that carries the room token where headers cannot. */
	public static final String TOKEN_PARAMETER = "token";

	private final Callers callers;

	private final Rooms rooms;

	RoomAccess(Callers callers, Rooms rooms) {
		this.callers = callers;
		this.rooms = rooms;
	}

	/**
	 * The caller of a request on a room.
	 * @param exchange the request
	 * @param tokenInQuery whether the room token may come as the {@code token} query
	 * parameter (the event stream only)
	 * @return the caller; 401 when it presents neither token or an invalid agent token
	 */
	public Mono<Caller> caller(ServerWebExchange exchange, boolean tokenInQuery) {
		if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return agent(exchange).cast(Caller.class);
		}
		String token = exchange.getRequest().getHeaders().getFirst(RoomTokens.HEADER);
		if ((token == null || token.isBlank()) && tokenInQuery) {
			token = exchange.getRequest().getQueryParams().getFirst(TOKEN_PARAMETER);
		}
		if (token == null || token.isBlank()) {
			return Mono.error(ApiException.unauthorized(RoomTokens.HEADER,
					"a room token (X-Room-Token) or an agent token (Authorization: Bearer) is required"));
		}
		return Mono.just(new Caller.Visitor(RoomTokens.hash(token.trim())));
	}

	/**
	 * The agent calling a server-side endpoint.
	 * @param exchange the request
	 * @return the agent; 401 without a valid agent token
	 */
	public Mono<Caller.Agent> agent(ServerWebExchange exchange) {
		return this.callers.require(exchange, TokenKind.AGENT).map(Caller.Agent::new);
	}

	/**
	 * Checks the agent token of a request that needs none, if it carries one: an
	 * {@code Authorization} header is never ignored.
	 * @param exchange the request
	 * @return completes when the request has no such header or a valid agent token; 401
	 * otherwise
	 */
	public Mono<Void> optionalAgent(ServerWebExchange exchange) {
		if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
			return Mono.empty();
		}
		return agent(exchange).then();
	}

	/**
	 * A room the caller reaches.
	 * @param caller the caller
	 * @param roomId the room id asked for
	 * @return the room; 404 when it does not exist or the caller does not reach it
	 */
	public Mono<Room> room(Caller caller, String roomId) {
		return this.rooms.find(roomId)
			.filter((room) -> reaches(caller, room))
			.switchIfEmpty(Mono.error(() -> notFound(roomId)));
	}

	/**
	 * Tells whether an organisation id given in a request is the agent's own.
	 * @param agent the agent
	 * @param orgId the organisation id given
	 * @param field the request field that gave it
	 * @return completes when it is; 404 otherwise
	 */
	public static Mono<Void> requireOwnOrganisation(Caller.Agent agent, String orgId, String field) {
		if (!agent.orgId().equals(orgId)) {
			return Mono.error(ApiException.notFound(field, "organisation '" + orgId + "' not found"));
		}
		return Mono.empty();
	}

	private static boolean reaches(Caller caller, Room room) {
		if (caller instanceof Caller.Agent agent) {
			return agent.orgId().equals(room.orgId());
		}
		return RoomTokens.matches(((Caller.Visitor) caller).tokenHash(), room.tokenHash());
	}

	private static ApiException notFound(String roomId) {
		return ApiException.notFound("room_id", "room '" + roomId + "' not found");
	}

}
