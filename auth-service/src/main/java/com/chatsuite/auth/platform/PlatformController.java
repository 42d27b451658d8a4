package com.chatsuite.auth.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;

import com.chatsuite.auth.AuthProperties;
import com.chatsuite.auth.organisation.Organisation;
import com.chatsuite.auth.organisation.OrganisationService;
import com.chatsuite.auth.token.LoginThrottle;
import com.chatsuite.auth.token.TokenIssuer;
import com.chatsuite.support.security.Callers;
import com.chatsuite.contracts.api.AddonApiResponse;
import com.chatsuite.support.security.TokenClaims;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonProperty;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The platform API: the platform administrator gets a token from the configured
 * credentials and manages organisations with it. Uses the addon API's envelopes.
 */
@RestController
@RequestMapping("/platform")
class PlatformController {

	private static final String ADMIN_SUBJECT = "platform-admin";

	private final OrganisationService organisations;

	private final TokenIssuer issuer;

	private final Callers callers;

	private final LoginThrottle throttle;

	private final AuthProperties properties;

	PlatformController(OrganisationService organisations, TokenIssuer issuer, Callers callers, LoginThrottle throttle,
			AuthProperties properties) {
		this.organisations = organisations;
		this.issuer = issuer;
		this.callers = callers;
		this.throttle = throttle;
		this.properties = properties;
	}

	@PostMapping("/token")
	Mono<AddonApiResponse<PlatformToken>> token(ServerWebExchange exchange) {
		return RequestFields.read(exchange).flatMap((fields) -> {
			String username = fields.requiredText("username");
			String password = fields.requiredText("password");
			String account = "platform|" + username;
			return this.throttle.check(account).then(Mono.defer(() -> {
				if (!isAdmin(username, password)) {
					return this.throttle.failed(account)
						.then(Mono.error(ApiException.unauthorized("password", "username or password is wrong")));
				}
				TokenClaims claims = new TokenClaims(TokenKind.PLATFORM, ADMIN_SUBJECT, UUID.randomUUID().toString(),
						null, null, null, null, List.of(), null, null, null);
				return this.throttle.succeeded(account)
					.then(this.issuer.issue(claims, this.properties.platformTokenTtl()))
					.map((token) -> AddonApiResponse
						.ok(new PlatformToken(token.value(), this.properties.platformTokenTtl().toSeconds())));
			}));
		});
	}

	@PostMapping("/organisations")
	Mono<ResponseEntity<AddonApiResponse<OrganisationView>>> create(ServerWebExchange exchange) {
		return admin(exchange).then(RequestFields.read(exchange))
			.flatMap((fields) -> this.organisations.create(fields.requiredText("organisation_domain"),
					fields.requiredText("email"), fields.requiredText("password"), fields.requiredTextList("addons")))
			.map((organisation) -> ResponseEntity.status(HttpStatus.CREATED)
				.body(AddonApiResponse.ok(OrganisationView.of(organisation))));
	}

	@GetMapping("/organisations/{id}")
	Mono<AddonApiResponse<OrganisationView>> get(@PathVariable String id, ServerWebExchange exchange) {
		return admin(exchange).then(this.organisations.find(id)).map(PlatformController::view);
	}

	@PutMapping("/organisations/{id}/addons/{addon}")
	Mono<AddonApiResponse<OrganisationView>> install(@PathVariable String id, @PathVariable String addon,
			ServerWebExchange exchange) {
		return admin(exchange).then(Mono.defer(() -> this.organisations.installAddon(id, addon)))
			.map(PlatformController::view);
	}

	@DeleteMapping("/organisations/{id}/addons/{addon}")
	Mono<AddonApiResponse<OrganisationView>> remove(@PathVariable String id, @PathVariable String addon,
			ServerWebExchange exchange) {
		return admin(exchange).then(Mono.defer(() -> this.organisations.removeAddon(id, addon)))
			.map(PlatformController::view);
	}

	@PostMapping("/organisations/{id}/disable")
	Mono<AddonApiResponse<OrganisationView>> disable(@PathVariable String id, ServerWebExchange exchange) {
		return admin(exchange).then(this.organisations.disable(id)).map(PlatformController::view);
	}

	@PostMapping("/organisations/{id}/enable")
	Mono<AddonApiResponse<OrganisationView>> enable(@PathVariable String id, ServerWebExchange exchange) {
		return admin(exchange).then(this.organisations.enable(id)).map(PlatformController::view);
	}

	private Mono<TokenClaims> admin(ServerWebExchange exchange) {
		return this.callers.require(exchange, TokenKind.PLATFORM);
	}

	private boolean isAdmin(String username, String password) {
		AuthProperties.PlatformAdmin admin = this.properties.platformAdmin();
		// Both compared in constant time, and both always compared.
		boolean user = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
				admin.username().getBytes(StandardCharsets.UTF_8));
		boolean pass = MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
				admin.password().getBytes(StandardCharsets.UTF_8));
		return user & pass;
	}

	private static AddonApiResponse<OrganisationView> view(Organisation organisation) {
		return AddonApiResponse.ok(OrganisationView.of(organisation));
	}

	/**
	 * A platform admin token.
	 *
	 * @param accessToken the token
	 * @param expireIn seconds it stays valid
	 */
	record PlatformToken(@JsonProperty("access_token") String accessToken, @JsonProperty("expire_in") long expireIn) {
	}

	/**
	 * An organisation as the platform API shows it.
	 *
	 * @param id its id
	 * @param organisationDomain its sub domain
	 * @param email its owner's email
	 * @param addons its installed addons
	 * @param status {@code active} or {@code disabled}
	 */
	record OrganisationView(String id, @JsonProperty("organisation_domain") String organisationDomain, String email,
			List<String> addons, String status) {

		static OrganisationView of(Organisation organisation) {
			return new OrganisationView(organisation.id(), organisation.organisationDomain(), organisation.email(),
					List.copyOf(new java.util.TreeSet<>(organisation.addons())),
					organisation.status().name().toLowerCase(java.util.Locale.ROOT));
		}

	}

}
