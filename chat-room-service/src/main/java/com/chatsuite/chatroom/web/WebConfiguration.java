package com.chatsuite.chatroom.web;

import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.TokenVerifier;
import com.chatsuite.support.web.ChatRoomApiErrorHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.server.WebFilter;

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
	WebFilter noStoreForRoomAnswers() {
		return (exchange, chain) -> {
			if (exchange.getRequest().getPath().value().startsWith("/api/v2/")) {
				exchange.getResponse().getHeaders().setCacheControl(CacheControl.noStore());
			}
			return chain.filter(exchange);
		};
	}

}
