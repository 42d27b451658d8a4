package com.chatsuite.support.web;

import com.chatsuite.contracts.api.ChatRoomApiError;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders every error of a service of the chat room API family in its shape
 * ({@code {"success": false, "message": "..."}}), the message naming the field or id at
 * fault.
 */
public class ChatRoomApiErrorHandler extends ApiErrorHandler {

	@Override
	protected Object errorBody(ServerWebExchange exchange, HttpStatusCode status, String message,
			ApiException refusal) {
		return ChatRoomApiError.of(message);
	}

}
