package com.chatsuite.auth.token;

import com.chatsuite.contracts.api.AddonApiResponse;
import com.chatsuite.support.web.RequestFields;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The three token endpoints of the addon admin API, exactly as documented; none needs a
 * token.
 */
@RestController
@RequestMapping("/admin/access-token")
class AccessTokenController {

	private final AccessTokenService tokens;

	AccessTokenController(AccessTokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	Mono<AddonApiResponse<TokenPair>> accessToken(ServerWebExchange exchange) {
		return RequestFields.read(exchange)
			.flatMap((fields) -> this.tokens.login(fields.requiredText("email"), fields.requiredText("password"),
					fields.requiredText("organisation_domain"), fields.requiredText("addon_unique_name")))
			.map(AddonApiResponse::ok);
	}

	@PostMapping("/validate")
	Mono<AddonApiResponse<TokenPair>> validate(ServerWebExchange exchange) {
		return RequestFields.read(exchange)
			.flatMap((fields) -> this.tokens.validate(fields.requiredText("access_token"),
					fields.requiredText("refresh_token"), fields.requiredText("addon_unique_name")))
			.map(AddonApiResponse::ok);
	}

	@PostMapping("/regenerate")
	Mono<AddonApiResponse<TokenPair>> regenerate(ServerWebExchange exchange) {
		return RequestFields.read(exchange)
			.flatMap((fields) -> this.tokens.regenerate(fields.requiredText("access_token"),
					fields.requiredText("refresh_token")))
			.map(AddonApiResponse::ok);
	}

}
