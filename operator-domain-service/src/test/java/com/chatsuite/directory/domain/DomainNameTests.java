package com.chatsuite.directory.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DomainNameTests {

	@Test
	void namesAreTrimmedAndLowerCased() {
		assertThat(DomainName.parse("  Shop.Example.COM ").value()).isEqualTo("shop.example.com");
	}

	@Test
	void singleLabelHostsLikeLocalhostAreAccepted() {
		assertThat(DomainName.parse("localhost").value()).isEqualTo("localhost");
	}

	@Test
	void aTrailingDotOfAFullyQualifiedNameIsDropped() {
		assertThat(DomainName.parse("shop.example.").value()).isEqualTo("shop.example");
	}

	@Test
	void internationalisedNamesAreStoredInTheirAsciiForm() {
		assertThat(DomainName.parse("Bücher.Example").value()).isEqualTo("xn--bcher-kva.example");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "http://shop.example", "https://shop.example", "HTTPS://shop.example", "ftp://shop.example" })
	void namesWithASchemeAreRefusedSayingSo(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse(name))
			.withMessageContaining("without scheme");
	}

	@ParameterizedTest
	@ValueSource(strings = { "shop.example/", "shop.example/cart", "shop.example?page=1", "shop.example#top" })
	void namesWithAPathAreRefusedSayingSo(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse(name))
			.withMessageContaining("without a path");
	}

	@Test
	void namesWithAPortAreRefusedSayingSo() {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse("shop.example:8080"))
			.withMessageContaining("without a port");
	}

	@Test
	void namesWithUserInformationAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse("admin@shop.example"))
			.withMessageContaining("without user information");
	}

	@ParameterizedTest
	@ValueSource(strings = { "shop_example.com", "shop example.com", "shop..example", ".shop.example", "-shop.example",
			"shop-.example", "shop.exa!mple", "" })
	void namesWithCharactersOrLabelsAHostCannotHaveAreRefused(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse(name));
	}

	@Test
	void labelsLongerThan63CharactersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse("a".repeat(64) + ".example"));
		assertThat(DomainName.parse("a".repeat(63) + ".example").value()).startsWith("a".repeat(63));
	}

	@Test
	void namesLongerThan253CharactersAreRefused() {
		String label = "a".repeat(60);
		String name = String.join(".", label, label, label, label, label, "example");
		assertThatIllegalArgumentException().isThrownBy(() -> DomainName.parse(name)).withMessageContaining("253");
	}

}
