package com.chatsuite.ticket.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.contracts.events.ticket.TicketAssigned;
import com.chatsuite.contracts.events.ticket.TicketAutoCloseWarning;
import com.chatsuite.contracts.events.ticket.TicketClosed;
import com.chatsuite.contracts.events.ticket.TicketReassigned;
import com.chatsuite.ticket.TicketsProperties;
import com.chatsuite.ticket.agent.Agent;
import com.chatsuite.ticket.agent.Agents;
import com.chatsuite.ticket.agent.CurrentAgent;
import com.chatsuite.ticket.ticket.Tickets;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /v1/stream}: Server-Sent Events telling an agent's console what happens to
 * its tickets: {@code ticket-assigned}, {@code ticket-reassigned} (taken away),
 * {@code ticket-closed}, {@code auto-close-warning}, and {@code message} for every new
 * message in its rooms. An open stream counts as a live console for idle detection.
 */
@RestController
class AgentStreamController {

	/** Events waiting for one console at most. */
	private static final int BUFFERED = 1024;

	/**
	 * How long the stream waits for an assigned ticket to be read: no longer, the stream
	 * ends and the console reconnects and reads its tickets afresh, rather than hear
	 * nothing while the store does not answer.
	 */
	private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);

	private final CurrentAgent current;

	private final Tickets tickets;

	private final Agents agents;

	private final LiveEvents events;

	private final TicketsProperties properties;

	AgentStreamController(CurrentAgent current, Tickets tickets, Agents agents, LiveEvents events,
			TicketsProperties properties) {
		this.current = current;
		this.tickets = tickets;
		this.agents = agents;
		this.events = events;
		this.properties = properties;
	}

	@GetMapping(path = "/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream(ServerWebExchange exchange) {
		return this.current.of(exchange).flatMapMany(this::stream);
	}

	private Flux<ServerSentEvent<Object>> stream(Agent agent) {
		return Flux.defer(() -> {
			// Listen before reading the held tickets, so nothing between the two is lost.
			// At most BUFFERED events wait for a console that stopped reading; then its
			// stream ends, and the console reconnects and reads its tickets afresh.
			Sinks.Many<CloudEvent<?>> buffer = Sinks.many()
				.unicast()
				.onBackpressureBuffer(Queues.<CloudEvent<?>>get(BUFFERED).get());
			Disposable subscription = this.events.live()
				.filter((event) -> agent.orgId().equals(event.orgid()))
				.subscribe((event) -> {
					Sinks.EmitResult result = buffer.tryEmitNext(event);
					// Full (before the stream reads, a full buffer says "no subscriber"):
					// the stream ends rather than go on without the event.
					if (result.isFailure() && result != Sinks.EmitResult.FAIL_TERMINATED
							&& result != Sinks.EmitResult.FAIL_CANCELLED) {
						buffer.tryEmitError(new IllegalStateException("the agent's stream fell behind"));
					}
				});
			Map<String, String> roomByTicket = new ConcurrentHashMap<>();
			Flux<ServerSentEvent<Object>> changes = buffer.asFlux()
				.concatMap((event) -> toAgent(agent, roomByTicket, event), 1);
			// The first comment goes out once the stream listens and knows the agent's
			// tickets: a console that sees it misses nothing from then on.
			Flux<ServerSentEvent<Object>> listening = this.tickets.heldBy(agent.id())
				.doOnNext((ticket) -> roomByTicket.put(ticket.id(), ticket.roomId()))
				.thenMany(Flux.just(ServerSentEvent.builder().comment("listening").build()))
				.concatWith(changes);
			return Flux.merge(listening, keepAlive(agent)).doFinally((signal) -> subscription.dispose());
		});
	}

	private Flux<ServerSentEvent<Object>> keepAlive(Agent agent) {
		return Flux.interval(this.properties.streamKeepAlive())
			.concatMap((tick) -> this.agents.seen(agent.id())
				.thenReturn(ServerSentEvent.builder().comment("keep-alive").build()), 1);
	}

	/** What an event means to the agent's console: empty when nothing. */
	private Mono<ServerSentEvent<Object>> toAgent(Agent agent, Map<String, String> roomByTicket, CloudEvent<?> event) {
		if (event.data() instanceof TicketAssigned assigned && assigned.agentId().equals(agent.operatorId())) {
			// An operator can be an agent of several addons of its organisation, each
			// with
			// a stream of its own: the ticket tells which of them holds it, and whether
			// it
			// still does (an event sent twice can come after the ticket's close).
			return this.tickets.find(assigned.ticketId())
				.timeout(LOOKUP_TIMEOUT)
				.filter((ticket) -> agent.id().equals(ticket.agentKey()) && ticket.status().isHeld())
				.map((ticket) -> {
					roomByTicket.put(assigned.ticketId(), assigned.roomId());
					return sse("ticket-assigned", event);
				});
		}
		return Mono.justOrEmpty(toAgentAtOnce(roomByTicket, event));
	}

	/**
	 * What any other event means to the agent's console, or {@code null} when nothing.
	 */
	private static ServerSentEvent<Object> toAgentAtOnce(Map<String, String> roomByTicket, CloudEvent<?> event) {
		Object data = event.data();
		if (data instanceof TicketReassigned reassigned && roomByTicket.remove(reassigned.ticketId()) != null) {
			return sse("ticket-reassigned", event);
		}
		if (data instanceof TicketClosed closed && roomByTicket.remove(closed.ticketId()) != null) {
			return sse("ticket-closed", event);
		}
		if (data instanceof TicketAutoCloseWarning warning && roomByTicket.containsKey(warning.ticketId())) {
			return sse("auto-close-warning", event);
		}
		if (data instanceof MessagePosted message && roomByTicket.containsValue(message.roomId())) {
			return sse("message", event);
		}
		return null;
	}

	private static ServerSentEvent<Object> sse(String name, CloudEvent<?> event) {
		return ServerSentEvent.builder((Object) event.data()).id(event.id()).event(name).build();
	}

}
