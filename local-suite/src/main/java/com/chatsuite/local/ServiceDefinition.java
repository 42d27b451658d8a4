package com.chatsuite.local;

import java.util.List;

/**
 * One application of the suite as the local launcher starts it.
 *
 * @param module the Maven module, also the process and log name
 * @param portVariable the environment variable that overrides the port
 * @param defaultPort the port used when the variable is not set
 */
record ServiceDefinition(String module, String portVariable, int defaultPort) {

	static final ServiceDefinition GATEWAY = new ServiceDefinition("gateway", "GATEWAY_PORT", 8080);

	/** The five services, in the order their ports are numbered. */
	static final List<ServiceDefinition> SERVICES = List.of(
			new ServiceDefinition("auth-service", "AUTH_SERVICE_PORT", 8081),
			new ServiceDefinition("operator-domain-service", "OPERATOR_DOMAIN_SERVICE_PORT", 8082),
			new ServiceDefinition("partner-service", "PARTNER_SERVICE_PORT", 8083),
			new ServiceDefinition("ticket-service", "TICKET_SERVICE_PORT", 8084),
			new ServiceDefinition("chat-room-service", "CHAT_ROOM_SERVICE_PORT", 8085));

	/** Every application: the services, then the gateway in front of them. */
	static final List<ServiceDefinition> ALL = List.of(SERVICES.get(0), SERVICES.get(1), SERVICES.get(2),
			SERVICES.get(3), SERVICES.get(4), GATEWAY);

}
