package com.chatsuite.directory.visibility;

import java.util.List;
import java.util.regex.Pattern;

import com.chatsuite.directory.Tenant;
import com.chatsuite.directory.domain.DomainName;
import com.chatsuite.directory.domain.Domains;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /embed/widget-visibility}: the widget on a merchant's page asks, without any
 * token, whether to show itself. The answer is {@code {"visible": true|false}} and
 * nothing more: an unknown organisation, addon or domain is invisible like any other
 * hidden widget, and no reason is given, so a stranger learns nothing about an
 * organisation's domains, operators or presence. The gateway limits how often one client
 * may ask.
 */
@RestController
class EmbedVisibilityController {

	/** The addons with a chat widget. */
	private static final List<String> WIDGET_ADDONS = List.of("livechat", Tenant.SELLER_BUYER);

	/** Organisation ids are UUIDs; anything else cannot name one. */
	private static final Pattern ORGANISATION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final VisibilityService visibility;

	EmbedVisibilityController(VisibilityService visibility) {
		this.visibility = visibility;
	}

	@GetMapping("/embed/widget-visibility")
	Mono<ResponseEntity<EmbedVisibility>> check(
			@RequestParam(name = "organisation", required = false) String organisation,
			@RequestParam(name = "addon", required = false) String addon,
			@RequestParam(name = "domain", required = false) String domain) {
		return Mono
			.fromSupplier(() -> new Question(required(organisation, "organisation"), required(addon, "addon"),
					Domains.name(required(domain, "domain"), "domain")))
			.flatMap(this::visible)
			.map(EmbedVisibilityController::answer);
	}

	private Mono<Boolean> visible(Question question) {
		if (!ORGANISATION_ID.matcher(question.organisation()).matches() || !WIDGET_ADDONS.contains(question.addon())) {
			return Mono.just(false);
		}
		return this.visibility.check(new Tenant(question.organisation(), question.addon()), question.domain())
			.map(Verdict::visible);
	}

	private static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw ApiException.badRequest(field, field + " is required");
		}
		return value.trim();
	}

	private static ResponseEntity<EmbedVisibility> answer(boolean visible) {
		// Presence changes at any time: every page view asks again.
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new EmbedVisibility(visible));
	}

	private record Question(String organisation, String addon, DomainName domain) {
	}

	/**
	 * The whole answer.
	 *
	 * @param visible whether the widget shows
	 */
	record EmbedVisibility(boolean visible) {
	}

}
