package com.chatsuite.chatroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Chat rooms, messages and QR ids: the chat room API v2 for visitors and for the
 * organisation's agents, with live message streams.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChatRoomServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChatRoomServiceApplication.class, args);
	}

}
