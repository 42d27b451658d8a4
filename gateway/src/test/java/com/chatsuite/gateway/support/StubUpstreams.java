package com.chatsuite.gateway.support;

import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The stand-in services and JWKS endpoint, started once per test JVM and shared by every
 * gateway integration test.
 */
public final class StubUpstreams {

	/**
	 * auth-service: token endpoints, {@code /auth}, {@code /platform}, the JWK set path.
	 */
	public static final StubServer AUTH = StubServer.echoing("auth-service");

	/** operator-domain-service. */
	public static final StubServer OPERATOR_DOMAIN = StubServer.echoing("operator-domain-service");

	/** partner-service. */
	public static final StubServer PARTNER = StubServer.echoing("partner-service");

	/** ticket-service. */
	public static final StubServer TICKET = StubServer.echoing("ticket-service");

	/** chat-room-service. */
	public static final StubServer CHAT_ROOM = StubServer.echoing("chat-room-service");

	private static final AtomicBoolean jwksAvailable = new AtomicBoolean(true);

	/** The key set the gateway verifies against; answers 503 while made unavailable. */
	public static final StubServer JWKS = StubServer.answering("jwks",
			() -> jwksAvailable.get() ? Mono.just(Tokens.jwkSet()) : Mono.empty());

	private StubUpstreams() {
	}

	/**
	 * Points a gateway under test at the stand-ins.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("suite.gateway.services.auth-service", AUTH::uri);
		registry.add("suite.gateway.services.operator-domain-service", OPERATOR_DOMAIN::uri);
		registry.add("suite.gateway.services.partner-service", PARTNER::uri);
		registry.add("suite.gateway.services.ticket-service", TICKET::uri);
		registry.add("suite.gateway.services.chat-room-service", CHAT_ROOM::uri);
		registry.add("suite.security.jwks-uri", () -> JWKS.uri() + "/.well-known/jwks.json");
	}

	/**
	 * Makes the key set unavailable (503) or available again.
	 * @param available whether it answers
	 */
	public static void jwksAvailable(boolean available) {
		jwksAvailable.set(available);
	}

}
