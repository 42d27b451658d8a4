package com.chatsuite.contracts.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncApiDocumentTests {

	@Test
	void asyncApiDocumentListsEveryTopicAndReferencesEverySchema() throws IOException {
		String document;
		try (InputStream in = AsyncApiDocumentTests.class.getResourceAsStream("/asyncapi.yaml")) {
			assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
			document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(document).startsWith("#").contains("asyncapi: 3.0.0");
		for (String topic : Topics.ALL) {
			assertThat(document).contains("address: " + topic + "\n");
		}
		for (EventType eventType : EventType.values()) {
			assertThat(document).contains("name: " + eventType.type() + "\n")
				.contains("$ref: '." + eventType.schemaResource() + "'");
		}
	}

}
