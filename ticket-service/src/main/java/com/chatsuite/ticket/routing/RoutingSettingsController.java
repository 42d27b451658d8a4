package com.chatsuite.ticket.routing;

import java.time.Clock;

import com.chatsuite.contracts.api.AddonApiResponse;
import com.chatsuite.support.events.ConcurrentChange;
import com.chatsuite.support.security.Callers;
import com.chatsuite.support.security.TokenClaims;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.support.web.RequestFields;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET|PUT /admin/routing-settings}: an organisation's capacity per agent and
 * auto-close delays, with the addon access token of {@code livechat}, in the addon admin
 * API's envelopes. A raised capacity serves the organisation's queue at once, after the
 * answer: serving a long queue (tickets one at a time) must not hold the answer past the
 * gateway's time limit, and the housekeeping round serves it again if this fails.
 */
@RestController
class RoutingSettingsController {

	private static final Log logger = LogFactory.getLog(RoutingSettingsController.class);

	static final String ADDON = "livechat";

	private static final int MAX_CAPACITY = 100;

	private static final int MAX_MINUTES = 24 * 60;

	private final Callers callers;

	private final Settings settings;

	private final Router router;

	private final Clock clock;

	RoutingSettingsController(Callers callers, Settings settings, Router router, Clock clock) {
		this.callers = callers;
		this.settings = settings;
		this.router = router;
		this.clock = clock;
	}

	@GetMapping("/admin/routing-settings")
	Mono<AddonApiResponse<SettingsBody>> get(ServerWebExchange exchange) {
		return organisation(exchange).flatMap(this.settings::of).map(SettingsBody::of).map(AddonApiResponse::ok);
	}

	@PutMapping("/admin/routing-settings")
	Mono<AddonApiResponse<SettingsBody>> put(ServerWebExchange exchange) {
		// Read, change and store again when another change came in between: the warning
		// must stay shorter than the close whichever fields each request sets.
		return organisation(exchange).zipWith(RequestFields.read(exchange))
			.flatMap((request) -> ConcurrentChange.retrying(
					Mono.defer(() -> this.settings.of(request.getT1())
						.flatMap((current) -> this.settings.save(current, changed(current, request.getT2())))),
					"settings"))
			.doOnNext((saved) -> this.router.serveQueue(saved.id())
				.subscribe(null,
						(ex) -> logger.warn("Serving the queue of " + saved.id()
								+ " after a settings change failed; housekeeping retries: " + ex)))
			.map(SettingsBody::of)
			.map(AddonApiResponse::ok);
	}

	private Mono<String> organisation(ServerWebExchange exchange) {
		return this.callers.require(exchange, TokenKind.ADDON).map(RoutingSettingsController::livechatOrganisation);
	}

	private static String livechatOrganisation(TokenClaims claims) {
		if (!ADDON.equals(claims.addon())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "routing settings need an access token of addon livechat",
					Callers.ACCESS_TOKEN_HEADER);
		}
		return claims.orgId();
	}

	private RoutingSettings changed(RoutingSettings current, RequestFields fields) {
		Integer capacity = fields.optionalInteger("capacity");
		Integer warning = fields.optionalInteger("auto_close_warning_minutes");
		Integer close = fields.optionalInteger("auto_close_minutes");
		int newCapacity = (capacity != null) ? capacity : current.capacity();
		long warningSeconds = (warning != null) ? warning * 60L : current.autoCloseWarningSeconds();
		long closeSeconds = (close != null) ? close * 60L : current.autoCloseSeconds();
		if (newCapacity < 1 || newCapacity > MAX_CAPACITY) {
			throw ApiException.badRequest("capacity", "capacity must be between 1 and " + MAX_CAPACITY);
		}
		if (warning != null && (warning < 1 || warning > MAX_MINUTES)) {
			throw ApiException.badRequest("auto_close_warning_minutes",
					"auto_close_warning_minutes must be between 1 and " + MAX_MINUTES);
		}
		if (close != null && (close < 1 || close > MAX_MINUTES)) {
			throw ApiException.badRequest("auto_close_minutes",
					"auto_close_minutes must be between 1 and " + MAX_MINUTES);
		}
		if (warningSeconds >= closeSeconds) {
			throw ApiException.badRequest((warning != null) ? "auto_close_warning_minutes" : "auto_close_minutes",
					"auto_close_warning_minutes must be less than auto_close_minutes");
		}
		return new RoutingSettings(current.id(), newCapacity, warningSeconds, closeSeconds, this.clock.instant(),
				current.version());
	}

	/**
	 * The settings as the addon admin API shows them.
	 *
	 * @param capacity open tickets an agent holds at most
	 * @param autoCloseWarningMinutes quiet minutes before the room is warned
	 * @param autoCloseMinutes quiet minutes before the ticket and its room are closed
	 */
	record SettingsBody(int capacity, @JsonProperty("auto_close_warning_minutes") long autoCloseWarningMinutes,
			@JsonProperty("auto_close_minutes") long autoCloseMinutes) {

		static SettingsBody of(RoutingSettings settings) {
			return new SettingsBody(settings.capacity(), settings.autoCloseWarning().toMinutes(),
					settings.autoClose().toMinutes());
		}

	}

}
