package com.chatsuite.auth.apikey;

import java.time.Instant;
import java.util.List;

import com.chatsuite.support.security.Callers;
import com.chatsuite.contracts.api.AddonApiResponse;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code /auth/api-keys}: a partner's API keys, managed with its addon access token.
 */
@RestController
@RequestMapping("/auth/api-keys")
class ApiKeyController {

	private final ApiKeyService keys;

	private final Callers callers;

	ApiKeyController(ApiKeyService keys, Callers callers) {
		this.keys = keys;
		this.callers = callers;
	}

	@PostMapping
	Mono<ResponseEntity<AddonApiResponse<KeyView>>> create(ServerWebExchange exchange) {
		return this.callers.require(exchange, TokenKind.ADDON)
			.zipWith(RequestFields.read(exchange))
			.flatMap((both) -> this.keys.create(both.getT1(), both.getT2().requiredText("name"),
					both.getT2().requiredTextList("permissions")))
			.map((created) -> ResponseEntity.status(HttpStatus.CREATED)
				.body(AddonApiResponse.ok(KeyView.of(created.key(), created.secret()))));
	}

	@GetMapping
	Mono<AddonApiResponse<List<KeyView>>> list(ServerWebExchange exchange) {
		return this.callers.require(exchange, TokenKind.ADDON)
			.flatMap((caller) -> this.keys.list(caller).map((key) -> KeyView.of(key, null)).collectList())
			.map(AddonApiResponse::ok);
	}

	@DeleteMapping("/{id}")
	Mono<AddonApiResponse<KeyView>> revoke(@PathVariable String id, ServerWebExchange exchange) {
		return this.callers.require(exchange, TokenKind.ADDON)
			.flatMap((caller) -> this.keys.revoke(caller, id))
			.map((key) -> AddonApiResponse.ok(KeyView.of(key, null)));
	}

	/**
	 * An API key as shown to its partner; the secret only in the answer to its creation.
	 *
	 * @param id the key id
	 * @param name its name
	 * @param permissions its permissions
	 * @param apiKey the secret, only when just created
	 * @param createdAt when it was created
	 * @param revokedAt when it was revoked, absent while active
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record KeyView(String id, String name, List<String> permissions, @JsonProperty("api_key") String apiKey,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("revoked_at") Instant revokedAt) {

		static KeyView of(ApiKey key, String secret) {
			return new KeyView(key.id(), key.name(), key.permissions(), secret, key.createdAt(), key.revokedAt());
		}

	}

}
