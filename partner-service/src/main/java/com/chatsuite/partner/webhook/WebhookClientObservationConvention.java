package com.chatsuite.partner.webhook;

import io.micrometer.common.KeyValue;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Webhook calls as {@code http.client.requests} with {@code client.name} {@code webhook}
 * instead of the receiver's host and {@code uri} {@code none} instead of the URL:
 * partners' hosts and URLs are as many as their endpoints, and a URL may carry a secret
 * in its query. (A URL given as a string counts as its own template, so the default tag
 * was the whole URL, one series per endpoint.) The span keeps the full URL.
 */
class WebhookClientObservationConvention extends DefaultClientRequestObservationConvention {

	private static final KeyValue NO_URI = KeyValue.of("uri", "none");

	@Override
	protected KeyValue clientName(ClientRequestObservationContext context) {
		return KeyValue.of("client.name", "webhook");
	}

	@Override
	protected KeyValue uri(ClientRequestObservationContext context) {
		return NO_URI;
	}

}
