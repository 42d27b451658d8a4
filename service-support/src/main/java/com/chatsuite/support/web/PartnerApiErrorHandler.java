package com.chatsuite.support.web;

import com.chatsuite.contracts.api.FieldError;
import com.chatsuite.contracts.api.PartnerApiError;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders every error of a service of the partner API family in its shape
 * ({@code {"status": "error", "message", "errors": [{"field", "message"}]}}): the
 * service's own refusals name the field at fault, others carry no field errors.
 */
public class PartnerApiErrorHandler extends ApiErrorHandler {

	@Override
	protected Object errorBody(ServerWebExchange exchange, HttpStatusCode status, String message,
			ApiException refusal) {
		if (refusal == null || refusal.field() == null) {
			return PartnerApiError.of(message);
		}
		return PartnerApiError.of(message, FieldError.of(refusal.field(), message));
	}

}
