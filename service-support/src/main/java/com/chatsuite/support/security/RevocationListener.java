package com.chatsuite.support.security;

import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Feeds the {@link RevocationList} from {@code auth.revocations}. Each replica uses a
 * group of its own and reads the topic from the beginning, so every replica sees every
 * revocation.
 */
public class RevocationListener {

	private final RevocationList revocations;

	private final EventJson json;

	public RevocationListener(RevocationList revocations, EventJson json) {
		this.revocations = revocations;
		this.json = json;
	}

	@KafkaListener(topics = Topics.AUTH_REVOCATIONS, groupId = "${spring.application.name}-revocations-${random.uuid}",
			properties = { "auto.offset.reset=earliest", "enable.auto.commit=false" })
	void onRevocation(ConsumerRecord<String, byte[]> record) {
		this.revocations.apply(this.json.fromBytes(record.value()));
	}

	@Scheduled(fixedDelayString = "PT1M")
	void forgetExpired() {
		this.revocations.forgetExpired();
	}

}
