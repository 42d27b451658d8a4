package com.chatsuite.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailTests {

	@Test
	void addressesAreTrimmedAndLowerCasedSoOnePersonIsOneAddress() {
		assertThat(Email.parse(" Ada.Lovelace@Example.ORG ")).isEqualTo(Email.parse("ada.lovelace@example.org"));
		assertThat(Email.parse(" Ada.Lovelace@Example.ORG ").value()).isEqualTo("ada.lovelace@example.org");
	}

	@Test
	void localPartServesAsFallbackName() {
		assertThat(Email.parse("ada@example.org").localPart()).isEqualTo("ada");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ada", "ada@", "@example.org", "ada@example", "ada@@example.org",
			"ada lovelace@example.org", "ada@example." })
	void malformedAddressesAreRefused(String address) {
		assertThatIllegalArgumentException().isThrownBy(() -> Email.parse(address))
			.withMessageContaining("valid email address");
	}

}
