package com.chatsuite.chatroom.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code chatsuite.streams.open}: the room streams open on this replica, read from the
 * {@link RoomHub} at each scrape.
 */
@Component
class OpenStreamsGauge {

	OpenStreamsGauge(RoomHub hub, MeterRegistry registry) {
		Gauge.builder("chatsuite.streams.open", hub, RoomHub::openStreams)
			.description("Room event streams open on this replica")
			.register(registry);
	}

}
