package com.chatsuite.partner;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What partners can sell and how their webhooks are delivered.
 *
 * @param plans the plans a workspace can be on
 * @param addons the addons a workspace can add beyond its plan's
 * @param templates the templates a workspace can install
 * @param renewal how plan periods are renewed
 * @param webhooks how webhooks are delivered
 */
@Validated
@ConfigurationProperties("suite.partner")
public record PartnerProperties(@NotEmpty List<@Valid Plan> plans, @NotNull List<@Valid Addon> addons,
		@NotNull List<@Valid Template> templates, @DefaultValue @NotNull @Valid Renewal renewal,
		@DefaultValue @NotNull @Valid Webhooks webhooks) {

	/**
	 * A plan.
	 *
	 * @param id the plan id, named in requests
	 * @param name the plan's display name
	 * @param price the price in points per period
	 * @param period how long one paid period lasts
	 * @param addons the addons the plan includes
	 * @param maxOperators the most operators a workspace on this plan may have
	 * @param maxDomains the most domains a workspace on this plan may have
	 */
	public record Plan(@NotBlank String id, @NotBlank String name, @Min(0) long price, @NotNull Duration period,
			@NotNull List<String> addons, @Min(0) int maxOperators, @Min(0) int maxDomains) {
	}

	/**
	 * An addon.
	 *
	 * @param id the addon's unique name, as auth-service knows it
	 * @param name its display name
	 * @param price its price in points per period
	 */
	public record Addon(@NotBlank String id, @NotBlank String name, @Min(0) long price) {
	}

	/**
	 * A template.
	 *
	 * @param id the template id
	 * @param name its display name
	 * @param description what it sets up
	 */
	public record Template(@NotBlank String id, @NotBlank String name, @DefaultValue("") String description) {
	}

	/**
	 * Plan renewal.
	 *
	 * @param interval how often each replica looks for periods that ended
	 */
	public record Renewal(@DefaultValue("60s") @NotNull Duration interval) {
	}

	/**
	 * Webhook delivery (SPEC section 6).
	 *
	 * @param allowHttp whether plain-HTTP URLs are accepted (tests and the local run)
	 * @param allowedHosts host names or addresses accepted even when they resolve to a
	 * loopback, private, link-local or metadata address
	 * @param retrySchedule the pause before each retry after a failed attempt; when it
	 * runs out, the delivery has failed
	 * @param timeout how long one attempt waits for the receiver's answer
	 * @param disableAfter how long an endpoint may fail continuously before it is
	 * disabled
	 * @param pollInterval how often each replica looks for deliveries that are due
	 * @param lease how long a replica holds a delivery it is sending
	 * @param concurrency attempts in flight at once per replica
	 * @param breakerFailureRate failure percentage of an endpoint's last attempts that
	 * opens its circuit breaker
	 * @param breakerWindow attempts an endpoint's circuit breaker looks at
	 * @param breakerOpenFor how long an open circuit breaker holds an endpoint's
	 * deliveries back
	 * @param perEndpointConcurrency attempts in flight at once to one endpoint, so a
	 * receiver that hangs holds at most these of {@code concurrency}
	 */
	public record Webhooks(@DefaultValue("false") boolean allowHttp, @DefaultValue List<String> allowedHosts,
			@DefaultValue("5s,5m,30m,2h,5h,10h,10h") @NotNull List<Duration> retrySchedule,
			@DefaultValue("15s") @NotNull Duration timeout, @DefaultValue("5d") @NotNull Duration disableAfter,
			@DefaultValue("1s") @NotNull Duration pollInterval, @DefaultValue("60s") @NotNull Duration lease,
			@DefaultValue("256") @Min(1) int concurrency, @DefaultValue("50") @Min(1) float breakerFailureRate,
			@DefaultValue("10") @Min(1) int breakerWindow, @DefaultValue("30s") @NotNull Duration breakerOpenFor,
			@DefaultValue("16") @Min(1) int perEndpointConcurrency) {
	}

}
