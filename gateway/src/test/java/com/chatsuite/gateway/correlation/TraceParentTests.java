package com.chatsuite.gateway.correlation;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTests {

	private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final Random random = new Random(42);

	@Test
	void parsesValidVersion00Header() {
		TraceParent parent = TraceParent.parse(VALID);
		assertThat(parent).isNotNull();
		assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(parent.parentId()).isEqualTo("00f067aa0ba902b7");
		assertThat(parent.sampled()).isTrue();
		assertThat(parent).hasToString(VALID);
	}

	@Test
	void childKeepsTraceIdAndFlagsWithNewParentId() {
		TraceParent child = TraceParent.parse(VALID).child(this.random);
		assertThat(child.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(child.parentId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
		assertThat(child.toString()).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01");
	}

	@Test
	void unsampledTraceStaysUnsampled() {
		TraceParent child = TraceParent.parse(VALID.replaceAll("-01$", "-00")).child(this.random);
		assertThat(child.toString()).endsWith("-00");
	}

	@Test
	void newTraceIsSampledWithRandomIds() {
		TraceParent first = TraceParent.start(this.random);
		TraceParent second = TraceParent.start(this.random);
		assertThat(first.toString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		assertThat(first.traceId()).isNotEqualTo(second.traceId());
	}

	@Test
	void acceptsLaterVersionWithExtraFields() {
		TraceParent parent = TraceParent.parse("cc" + VALID.substring(2) + "-what-the-future-holds");
		assertThat(parent).isNotNull();
		assertThat(parent.toString()).isEqualTo(VALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
			"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
			"00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
			"cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x" })
	void rejectsInvalidHeaders(String header) {
		assertThat(TraceParent.parse(header)).isNull();
	}

	@Test
	void absentHeaderIsNoParent() {
		assertThat(TraceParent.parse(null)).isNull();
	}

}
