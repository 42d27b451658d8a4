package com.chatsuite.gateway;

import com.chatsuite.gateway.support.Echo;
import com.chatsuite.gateway.support.StubUpstreams;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the gateway integration tests: the gateway in front of the stand-in services
 * and JWKS endpoint of {@link StubUpstreams}. Subclasses with the same configuration
 * share one application context.
 */
public abstract class StubbedGatewayTest {

	@Autowired
	protected WebTestClient web;

	@DynamicPropertySource
	static void stubUpstreams(DynamicPropertyRegistry registry) {
		StubUpstreams.register(registry);
		// Tests name their own client address, so their rate limits do not interfere.
		registry.add("suite.gateway.limits.trust-forwarded-for", () -> "true");
		registry.add("suite.gateway.metrics.port", () -> "0");
	}

	/**
	 * Asserts a request reached a service and returns what that service received.
	 * @param response the exchanged response
	 * @return what the stand-in service received
	 */
	protected static Echo routed(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(Echo.class).returnResult().getResponseBody();
	}

}
