package com.chatsuite.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that decide (what a domain name or an email is, when the widget shows) are
 * plain Java: they import neither the web, nor the database, nor Spring, so they can be
 * read and tested on their own.
 */
class DependencyRuleTests {

	private static final List<String> FORBIDDEN = List.of("org.springframework", "com.mongodb", "org.bson",
			"com.chatsuite.support", "reactor.", "com.chatsuite.directory.web");

	@ParameterizedTest
	@ValueSource(strings = { "Email", "Tenant", "domain/DomainName", "visibility/VisibilityRules",
			"visibility/Candidate", "visibility/Verdict" })
	void decisionRulesDependOnNoFramework(String type) throws IOException {
		Path source = Path.of("src/main/java/com/chatsuite/directory", type + ".java");
		List<String> imports = Files.readAllLines(source)
			.stream()
			.filter((line) -> line.startsWith("import "))
			.toList();
		assertThat(imports).noneMatch((line) -> FORBIDDEN.stream().anyMatch(line::contains));
	}

}
