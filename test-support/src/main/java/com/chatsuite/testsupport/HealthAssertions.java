package com.chatsuite.testsupport;

import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every application's probes must answer, checked the same way in every module.
 */
public final class HealthAssertions {

	private HealthAssertions() {
	}

	/**
	 * Asserts readiness is UP and health reports the given components, each UP.
	 * @param web a client bound to the application
	 * @param components the health components that must be UP
	 */
	public static void assertReadyWith(WebTestClient web, String... components) {
		assertReadyWithDetails(web, null, components);
	}

	/**
	 * Asserts readiness is UP and health reports the given components, each UP, as an
	 * application that shows details only to the platform administrator answers them.
	 * @param web a client bound to the application
	 * @param platformToken a platform admin token
	 * @param components the health components that must be UP
	 */
	public static void assertReadyWithDetails(WebTestClient web, String platformToken, String... components) {
		web.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		WebTestClient.BodyContentSpec body = web.get().uri("/actuator/health").headers((headers) -> {
			if (platformToken != null) {
				headers.setBearerAuth(platformToken);
			}
		}).exchange().expectBody();
		for (String component : components) {
			body.jsonPath("$.components." + component + ".status").isEqualTo("UP");
		}
	}

	/**
	 * Asserts a health endpoint answers its status and nothing else: no components, no
	 * details.
	 * @param web a client bound to the application
	 * @param path the health path
	 */
	public static void assertStatusOnly(WebTestClient web, String path) {
		web.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"status\":\"UP\"}", JsonCompareMode.STRICT);
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
