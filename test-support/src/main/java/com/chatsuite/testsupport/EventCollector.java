package com.chatsuite.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every record of some topics from the beginning, in a background thread, so tests
 * can assert what was published.
 */
public final class EventCollector implements AutoCloseable {

	private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread thread;

	private volatile boolean running = true;

	private EventCollector(List<String> topics) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SuiteInfrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"collector-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(topics);
		this.thread = new Thread(this::poll, "event-collector");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Starts collecting.
	 * @param topics the topics to read
	 * @return the running collector
	 */
	public static EventCollector of(String... topics) {
		return new EventCollector(List.of(topics));
	}

	/**
	 * Every record a topic holds now, read from its beginning up to its current end: what
	 * any consumer would ever see of what has been acknowledged so far.
	 * @param topic the topic
	 * @return the records, in offset order per partition
	 */
	public static List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SuiteInfrastructure.kafkaBootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end within 30 s");
				}
				consumer.poll(Duration.ofMillis(100)).forEach(read::add);
			}
		}
		return read;
	}

	/** Everything read so far. */
	public List<ConsumerRecord<String, byte[]>> records() {
		return List.copyOf(this.records);
	}

	/** The values read so far as text. */
	public List<String> values() {
		return this.records.stream().map((record) -> new String(record.value())).toList();
	}

	private void poll() {
		try {
			while (this.running) {
				this.consumer.poll(Duration.ofMillis(100)).forEach(this.records::add);
			}
		}
		catch (org.apache.kafka.common.errors.WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(5000);
	}

}
