package com.chatsuite.support.security;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Feeds the {@link RevocationList} from {@code auth.revocations}. Each replica uses a
 * group of its own and reads the topic from the beginning, so every replica sees every
 * revocation.
 * <p>
 * The list starts empty: it says it has caught up once this listener has read every
 * partition up to its end as it was when the partitions were assigned (the topic is
 * compacted, and compaction never removes a partition's last record, so reading up to the
 * end means reading that record). Until then, tokens wait to be checked.
 */
public class RevocationListener implements ConsumerSeekAware {

	private final RevocationList revocations;

	private final EventJson json;

	private final Function<Collection<TopicPartition>, Map<TopicPartition, Long>> endOffsets;

	/** The end of each partition when it was assigned. */
	private final Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();

	/** The offset after the last record read of each partition. */
	private final Map<TopicPartition, Long> read = new ConcurrentHashMap<>();

	/**
	 * A listener that reports when the list has caught up.
	 * @param revocations the list to fill
	 * @param json reads the events
	 * @param endOffsets the end offsets of partitions
	 */
	public RevocationListener(RevocationList revocations, EventJson json,
			Function<Collection<TopicPartition>, Map<TopicPartition, Long>> endOffsets) {
		this.revocations = revocations;
		this.json = json;
		this.endOffsets = endOffsets;
		revocations.expectCatchUp();
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		if (this.revocations.isCaughtUp() || assignments.isEmpty()) {
			return;
		}
		// On the consumer thread, before its first fetch.
		this.ends.putAll(this.endOffsets.apply(assignments.keySet()));
		assignments.forEach((partition, position) -> this.read.merge(partition, position, Math::max));
		checkCaughtUp();
	}

	@KafkaListener(topics = Topics.AUTH_REVOCATIONS, groupId = "${spring.application.name}-revocations-${random.uuid}",
			properties = { "auto.offset.reset=earliest", "enable.auto.commit=false" })
	void onRevocation(ConsumerRecord<String, byte[]> record) {
		this.revocations.apply(this.json.fromBytes(record.value()));
		if (!this.revocations.isCaughtUp()) {
			this.read.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
			checkCaughtUp();
		}
	}

	private void checkCaughtUp() {
		if (!this.ends.isEmpty() && this.ends.entrySet()
			.stream()
			.allMatch((end) -> this.read.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
			this.revocations.caughtUp();
		}
	}

	@Scheduled(fixedDelayString = "PT1M")
	void forgetExpired() {
		this.revocations.forgetExpired();
	}

}
