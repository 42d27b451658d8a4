package com.chatsuite.testsupport;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every application's probes must answer, checked the same way in every module.
 */
public final class HealthAssertions {

	private HealthAssertions() {
	}

	/**
	 * Asserts readiness is UP and includes the given components, each UP.
	 * @param web a client bound to the application
	 * @param components the health components readiness must include
	 */
	public static void assertReadyWith(WebTestClient web, String... components) {
		WebTestClient.BodyContentSpec body = web.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		for (String component : components) {
			body.jsonPath("$.components." + component + ".status").isEqualTo("UP");
		}
	}

	/**
	 * Asserts liveness is UP without depending on MongoDB or Kafka.
	 * @param web a client bound to the application
	 */
	public static void assertLive(WebTestClient web) {
		web.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.mongo")
			.doesNotExist()
			.jsonPath("$.components.kafka")
			.doesNotExist();
	}

}
