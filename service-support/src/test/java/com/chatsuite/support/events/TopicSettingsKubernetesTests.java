package com.chatsuite.support.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chatsuite.contracts.events.TopicSettings;
import com.chatsuite.contracts.events.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes topics are the declared ones: a topic added to the suite without its
 * {@code KafkaTopic}, or a resource whose partitions, compaction or retention drifted,
 * fails here rather than in a cluster.
 */
class TopicSettingsKubernetesTests {

	private static final Path TOPICS = Path.of("../k8s/infrastructure/kafka/topics.yaml");

	@Test
	void everyTopicIsDeclaredWithItsDeadLetterTopic() {
		for (String topic : Topics.ALL) {
			assertThat(TopicSettings.of(topic).name()).isEqualTo(topic);
			assertThat(TopicSettings.of(Topics.deadLetter(topic)).compacted()).isFalse();
		}
		assertThat(TopicSettings.ALL).hasSize(2 * Topics.ALL.size());
	}

	@Test
	void kafkaTopicResourcesMatchTheDeclaration() throws Exception {
		Map<String, JsonNode> resources = new LinkedHashMap<>();
		try (var documents = YAMLMapper.builder()
			.build()
			.readerFor(JsonNode.class)
			.<JsonNode>readValues(Files.readString(TOPICS))) {
			for (JsonNode document : documents.readAll()) {
				if ("KafkaTopic".equals(document.path("kind").asString())) {
					resources.put(document.path("spec").path("topicName").asString(), document.path("spec"));
				}
			}
		}
		assertThat(resources.keySet())
			.containsExactlyInAnyOrderElementsOf(TopicSettings.ALL.stream().map(TopicSettings::name).toList());
		for (TopicSettings declared : TopicSettings.ALL) {
			JsonNode spec = resources.get(declared.name());
			assertThat(spec.path("partitions").asInt()).as(declared.name()).isEqualTo(declared.partitions());
			declared.configs()
				.forEach((name, value) -> assertThat(spec.path("config").path(name).asString())
					.as(declared.name() + " " + name)
					.isEqualTo(value));
			if (declared.compacted()) {
				assertThat(spec.path("config").has("retention.ms")).as(declared.name()).isFalse();
			}
		}
	}

	@Test
	void servicesInKubernetesCreateTopicsWithTheDeclaredPartitions() throws Exception {
		List<String> config = Files.readAllLines(Path.of("../k8s/base/chat-suite-config.env"));
		assertThat(config).contains("SUITE_EVENTS_PARTITIONS=" + TopicSettings.PARTITIONS);
	}

}
