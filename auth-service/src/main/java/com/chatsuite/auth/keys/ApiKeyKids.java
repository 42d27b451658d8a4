package com.chatsuite.auth.keys;

import reactor.core.publisher.Flux;

/**
 * The ids of the keys that signed API keys still active: those keys must stay published.
 */
public interface ApiKeyKids {

	/**
	 * The distinct key ids.
	 * @return the key ids
	 */
	Flux<String> activeKids();

}
