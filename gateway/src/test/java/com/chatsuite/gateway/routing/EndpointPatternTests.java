package com.chatsuite.gateway.routing;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EndpointPatternTests {

	@Test
	void patternWithMethodMatchesOnlyThatMethod() {
		EndpointPattern pattern = EndpointPattern.of("POST /platform/token");
		assertThat(pattern.matches(HttpMethod.POST, path("/platform/token"))).isTrue();
		assertThat(pattern.matches(HttpMethod.GET, path("/platform/token"))).isFalse();
		assertThat(pattern.matches(HttpMethod.POST, path("/platform/tokens"))).isFalse();
	}

	@Test
	void patternWithoutMethodMatchesAnyMethodAndWildcards() {
		EndpointPattern pattern = EndpointPattern.of("/api/v2/room-control/**");
		assertThat(pattern.method()).isNull();
		assertThat(pattern.matches(HttpMethod.DELETE, path("/api/v2/room-control/create-room"))).isTrue();
		assertThat(pattern.matches(HttpMethod.GET, path("/api/v2/room-control"))).isTrue();
		assertThat(pattern.matches(HttpMethod.GET, path("/api/v2/room-service/x"))).isFalse();
	}

	@Test
	void methodIsCaseInsensitiveAndTextRoundTrips() {
		assertThat(EndpointPattern.of("  get   /admin/access-token ")).hasToString("GET /admin/access-token");
		assertThat(EndpointPattern.of("/actuator/health/**")).hasToString("/actuator/health/**");
	}

	@Test
	void rejectsPatternsThatAreNotPaths() {
		assertThatIllegalArgumentException().isThrownBy(() -> EndpointPattern.of("GET admin"));
		assertThatIllegalArgumentException().isThrownBy(() -> EndpointPattern.of(" "));
	}

	private static PathContainer path(String path) {
		return PathContainer.parsePath(path);
	}

}
