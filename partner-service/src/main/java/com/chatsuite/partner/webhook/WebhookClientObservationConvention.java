package com.chatsuite.partner.webhook;

import io.micrometer.common.KeyValue;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Webhook calls as {@code http.client.requests} with {@code client.name} {@code webhook}
 * instead of the receiver's host: partners' hosts are as many as their endpoints. (The
 * {@code uri} tag is {@code none} already: the URL is not a template.) The span keeps the
 * full URL.
 */
class WebhookClientObservationConvention extends DefaultClientRequestObservationConvention {

	@Override
	protected KeyValue clientName(ClientRequestObservationContext context) {
		return KeyValue.of("client.name", "webhook");
	}

}
