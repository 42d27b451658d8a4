package com.chatsuite.auth.keys;

import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public signing keys as a JWK set, for the gateway and every service.
 */
@RestController
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
	Mono<ResponseEntity<Map<String, Object>>> jwks() {
		return this.keys.publicKeys()
			.map((set) -> ResponseEntity.ok()
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
				.body(set.toJSONObject(true)));
	}

}
