package com.chatsuite.gateway.correlation;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

	private final Random random = new Random(7);

	@ParameterizedTest
	@ValueSource(strings = { "abc", "3f6c1e2a-0b8e-4c1d-9a57-1e0c7d4b2f11", "widget_42.retry:1", "A" })
	void keepsSaneClientIds(String id) {
		assertThat(RequestIds.choose(id, this.random)).isEqualTo(id);
	}

	@Test
	void keepsIdOfSixtyFourCharactersButNotSixtyFive() {
		assertThat(RequestIds.choose("a".repeat(64), this.random)).isEqualTo("a".repeat(64));
		assertThat(RequestIds.choose("a".repeat(65), this.random)).matches(UUID_V4);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "with space", "new\nline", "quote\"", "<script>", "ünïcode", "semi;colon" })
	void replacesUnsafeIds(String id) {
		assertThat(RequestIds.choose(id, this.random)).matches(UUID_V4);
	}

	@Test
	void generatesDistinctVersion4Uuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(RequestIds.choose(null, this.random));
		}
		assertThat(ids).hasSize(1000).allMatch((id) -> id.matches(UUID_V4));
	}

}
