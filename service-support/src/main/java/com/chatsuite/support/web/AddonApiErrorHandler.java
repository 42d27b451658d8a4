package com.chatsuite.support.web;

import com.chatsuite.contracts.api.AddonApiError;
import com.chatsuite.contracts.api.FieldError;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders every error of a service of the addon API family in its shape
 * ({@code {"status": 0, "message", "errors": [{"field", "message"}]}}): the service's own
 * refusals name the field at fault ({@code request} when it is no one field's).
 */
public class AddonApiErrorHandler extends ApiErrorHandler {

	@Override
	protected Object errorBody(ServerWebExchange exchange, HttpStatusCode status, String message,
			ApiException refusal) {
		return body(message, refusal);
	}

	/**
	 * The addon admin API's error body.
	 * @param message a human-readable reason
	 * @param refusal the service's own refusal, naming the field at fault if any
	 * @return the body, serialised as JSON
	 */
	public static Object body(String message, ApiException refusal) {
		if (refusal == null) {
			return AddonApiError.of(message);
		}
		String field = (refusal.field() != null) ? refusal.field() : "request";
		return AddonApiError.of(message, FieldError.of(field, message));
	}

}
