package com.chatsuite.chatroom.web;

import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.TokenVerifier;
import com.chatsuite.support.web.ChatRoomApiErrorHandler;
import com.chatsuite.support.web.NoStoreFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * chat-room-service speaks the chat room API family: its errors take that family's shape,
 * and agents are identified from their verified tokens.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	ChatRoomApiErrorHandler chatRoomApiErrorHandler() {
		return new ChatRoomApiErrorHandler();
	}

	@Bean
	Callers callers(TokenVerifier verifier) {
		return new Callers(verifier);
	}

	/**
	 * The chat room API's answers carry room tokens and private messages: no cache on the
	 * way may keep them.
	 */
	@Bean
	NoStoreFilter noStoreForRoomAnswers() {
		return new NoStoreFilter("/api/v2/");
	}

}
