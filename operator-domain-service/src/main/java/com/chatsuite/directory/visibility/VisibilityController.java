package com.chatsuite.directory.visibility;

import com.chatsuite.contracts.api.WidgetVisibilityResponse;
import com.chatsuite.directory.domain.Domains;
import com.chatsuite.directory.visibility.Verdict.Rule;
import com.chatsuite.directory.web.Tenants;
import com.chatsuite.support.web.RequestFields;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /admin/check-widget-visiblity} (spelled as documented): whether the addon
 * may render its widget on a merchant's domain. A domain the caller's organisation and
 * addon does not have is a 404, in the same failure shape.
 */
@RestController
class VisibilityController {

	private final VisibilityService visibility;

	private final Tenants tenants;

	VisibilityController(VisibilityService visibility, Tenants tenants) {
		this.visibility = visibility;
		this.tenants = tenants;
	}

	@PostMapping("/admin/check-widget-visiblity")
	Mono<ResponseEntity<WidgetVisibilityResponse>> check(ServerWebExchange exchange) {
		return this.tenants.of(exchange)
			.flatMap((tenant) -> RequestFields.read(exchange)
				.flatMap((fields) -> this.visibility.check(tenant,
						Domains.name(fields.requiredText("domain_name"), "domain_name"))))
			.map(VisibilityController::answer);
	}

	private static ResponseEntity<WidgetVisibilityResponse> answer(Verdict verdict) {
		if (verdict.visible()) {
			return ResponseEntity.ok(WidgetVisibilityResponse.visible());
		}
		HttpStatus status = (verdict.rule() == Rule.DOMAIN_EXISTS) ? HttpStatus.NOT_FOUND : HttpStatus.OK;
		return ResponseEntity.status(status).body(WidgetVisibilityResponse.invisible(verdict.reason()));
	}

}
