package com.chatsuite.auth.apikey;

import com.chatsuite.auth.keys.ApiKeyKids;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

/**
 * The signing keys of the API keys still active, which must stay published.
 */
@Component
class ActiveApiKeyKids implements ApiKeyKids {

	private final ApiKeyRepository keys;

	ActiveApiKeyKids(ApiKeyRepository keys) {
		this.keys = keys;
	}

	@Override
	public Flux<String> activeKids() {
		return this.keys.findByRevokedAtIsNull().map(ApiKey::kid).distinct();
	}

}
