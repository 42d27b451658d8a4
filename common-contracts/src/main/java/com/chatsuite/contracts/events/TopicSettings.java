package com.chatsuite.contracts.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How every topic of the suite is set up: the one declaration that the services' topic
 * creation applies and that the Kubernetes {@code KafkaTopic} resources must match (a
 * test compares them). Every topic of {@link Topics#ALL} is here, with its dead-letter
 * topic.
 *
 * @param name the topic name
 * @param partitions partitions in production (the unit of consumer parallelism); a local
 * run may use fewer ({@code suite.events.partitions})
 * @param compacted {@code true} for {@code cleanup.policy=compact} (the latest record of
 * each key is kept for ever), {@code false} for {@code delete}
 * @param retention how long records are kept; {@code null} for a compacted topic
 */
public record TopicSettings(String name, int partitions, boolean compacted, Duration retention) {

	/** Partitions of every topic in production. */
	public static final int PARTITIONS = 6;

	/** How long the events of a topic that is not compacted are kept. */
	public static final Duration EVENT_RETENTION = Duration.ofDays(7);

	/** How long dead letters are kept for inspection and replay. */
	public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

	private static final Map<String, TopicSettings> DECLARED = declare(
			// Each replica reads the whole topic at start-up to rebuild its revocation
			// list: compaction keeps the latest record per key for ever.
			compacted(Topics.AUTH_REVOCATIONS), events(Topics.AUTH_ORGANISATIONS), events(Topics.DIRECTORY_OPERATORS),
			events(Topics.CHAT_ROOMS), events(Topics.TICKETS), events(Topics.PARTNER_WORKSPACES));

	/** Every topic, each followed by its dead-letter topic. */
	public static final List<TopicSettings> ALL = List.copyOf(DECLARED.values());

	public TopicSettings {
		Objects.requireNonNull(name, "name");
		if (compacted != (retention == null)) {
			throw new IllegalArgumentException("A compacted topic has no retention, any other topic has one: " + name);
		}
	}

	/**
	 * The settings of a topic.
	 * @param name a topic of {@link Topics#ALL} or its dead-letter topic
	 * @return its settings
	 * @throws IllegalArgumentException for a topic that is not declared
	 */
	public static TopicSettings of(String name) {
		TopicSettings settings = DECLARED.get(name);
		if (settings == null) {
			throw new IllegalArgumentException("Topic " + name + " is not declared in TopicSettings");
		}
		return settings;
	}

	/**
	 * The topic configuration entries, as Kafka names them.
	 * @return {@code cleanup.policy} and, unless compacted, {@code retention.ms}
	 */
	public Map<String, String> configs() {
		Map<String, String> configs = new LinkedHashMap<>();
		configs.put("cleanup.policy", this.compacted ? "compact" : "delete");
		if (this.retention != null) {
			configs.put("retention.ms", String.valueOf(this.retention.toMillis()));
		}
		return configs;
	}

	private static TopicSettings compacted(String name) {
		return new TopicSettings(name, PARTITIONS, true, null);
	}

	private static TopicSettings events(String name) {
		return new TopicSettings(name, PARTITIONS, false, EVENT_RETENTION);
	}

	private static Map<String, TopicSettings> declare(TopicSettings... topics) {
		Map<String, TopicSettings> declared = new LinkedHashMap<>();
		List<TopicSettings> all = new ArrayList<>();
		for (TopicSettings topic : topics) {
			all.add(topic);
			all.add(new TopicSettings(Topics.deadLetter(topic.name()), PARTITIONS, false, DEAD_LETTER_RETENTION));
		}
		all.forEach((topic) -> declared.put(topic.name(), topic));
		return declared;
	}

}
