package com.chatsuite.chatroom.stream;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventFormatException;
import com.chatsuite.contracts.events.EventJson;
import com.chatsuite.contracts.events.Topics;
import com.chatsuite.contracts.events.chat.MessagePosted;
import com.chatsuite.contracts.events.chat.RoomClosed;
import com.chatsuite.contracts.events.chat.SenderType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Brings what is posted on other replicas to this replica's streams: every replica reads
 * every room event (a consumer group of its own, from the moment it starts). Its own
 * posts arrive again this way; the streams skip what they sent already.
 */
@Component
class RoomEventsListener {

	private static final Log logger = LogFactory.getLog(RoomEventsListener.class);

	private final RoomHub hub;

	private final EventJson json;

	RoomEventsListener(RoomHub hub, EventJson json) {
		this.hub = hub;
		this.json = json;
	}

	@KafkaListener(topics = Topics.CHAT_ROOMS, groupId = "${spring.application.name}-streams-${random.uuid}",
			properties = "auto.offset.reset=latest")
	void onRoomEvent(ConsumerRecord<String, byte[]> record) {
		CloudEvent<?> event;
		try {
			event = this.json.fromBytes(record.value());
		}
		catch (EventFormatException ex) {
			// Every replica reads this; the services that process room events dead-letter
			// it.
			logger.debug("Skipping a record that is not an event on " + record.topic() + ": " + ex.getMessage());
			return;
		}
		if (event.data() instanceof MessagePosted posted) {
			this.hub.published(new LiveMessage(posted.roomId(), posted.messageId(), posted.sequence(), posted.text(),
					author(posted.senderType()), posted.postedAt()));
		}
		else if (event.data() instanceof RoomClosed closed) {
			this.hub.closed(closed.roomId());
		}
	}

	/** The chat room API's name of who wrote a message. */
	private static String author(SenderType senderType) {
		return switch (senderType) {
			case VISITOR -> "client";
			case AGENT, SERVER -> "agent";
			case SYSTEM -> "system";
		};
	}

}
