package com.chatsuite.chatroom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Chat rooms, messages and QR ids.
 */
@SpringBootApplication
public class ChatRoomServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChatRoomServiceApplication.class, args);
	}

}
