package com.chatsuite.auth;

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
 * How auth-service issues tokens.
 *
 * @param issuer the {@code iss} of every token (verifiers check it)
 * @param accessTokenTtl lifetime of an addon access token ({@code expire_in})
 * @param platformTokenTtl lifetime of a platform admin token
 * @param agentTokenTtl lifetime of an agent token
 * @param refreshTokenTtl lifetime of a refresh token
 * @param addons the addons an organisation can install
 * @param platformAdmin the platform administrator's credentials (a secret in Kubernetes)
 * @param keys signing key rotation
 * @param login throttling of failed logins
 * @param demo the demo organisation of the local run
 * @param announcements how often organisations are announced again as they stand
 */
@Validated
@ConfigurationProperties("suite.auth")
public record AuthProperties(@DefaultValue("chat-suite") @NotBlank String issuer,
		@DefaultValue("3600s") @NotNull Duration accessTokenTtl,
		@DefaultValue("900s") @NotNull Duration platformTokenTtl,
		@DefaultValue("3600s") @NotNull Duration agentTokenTtl, @DefaultValue("30d") @NotNull Duration refreshTokenTtl,
		@DefaultValue( {
				"livechat", "seller_buyer_chat_system", "partner" }) @NotEmpty List<String> addons,
		@Valid @NotNull PlatformAdmin platformAdmin, @DefaultValue @Valid @NotNull Keys keys,
		@DefaultValue @Valid @NotNull Login login, @DefaultValue @Valid @NotNull Demo demo,
		@DefaultValue @Valid @NotNull Announcements announcements){

	/**
	 * The platform administrator.
	 *
	 * @param username the user name
	 * @param password the password; never logged
	 */
	public record PlatformAdmin(@NotBlank String username, @NotBlank String password) {

		@Override
		public String toString() {
			return "PlatformAdmin[username=" + this.username + ", password=******]";
		}

	}

	/**
	 * Signing key rotation.
	 *
	 * @param signingPeriod how long one key signs new tokens before the next one takes
	 * over
	 * @param checkInterval how often replicas look for a newer key or the need for one
	 * @param encryptionKey the key-encryption key of the stored private keys: 32 random
	 * bytes, base64-encoded; from the environment only
	 * ({@code SUITE_AUTH_KEYS_ENCRYPTIONKEY}); never logged
	 */
	public record Keys(@DefaultValue("24h") @NotNull Duration signingPeriod,
			@DefaultValue("1m") @NotNull Duration checkInterval, String encryptionKey) {

		@Override
		public String toString() {
			return "Keys[signingPeriod=" + this.signingPeriod + ", checkInterval=" + this.checkInterval
					+ ", encryptionKey=******]";
		}

	}

	/**
	 * Throttling of failed logins, per account.
	 *
	 * @param maxFailures failed attempts allowed within the window
	 * @param window the window over which failures are counted
	 * @param lockout how long further attempts are refused once the limit is hit
	 */
	public record Login(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("15m") @NotNull Duration window,
			@DefaultValue("15m") @NotNull Duration lockout) {
	}

	/**
	 * Organisations announced again as they stand ({@code organisation-announced} on
	 * {@code auth.organisations}), so that the topic, which keeps events for 7 days,
	 * always holds every organisation.
	 *
	 * @param every how long after its last announcement an organisation is announced
	 * again; keep it well below the topic's retention
	 * @param checkInterval how often a replica looks for organisations due
	 * @param batch how many organisations one look announces at most
	 */
	public record Announcements(@DefaultValue("24h") @NotNull Duration every,
			@DefaultValue("10m") @NotNull Duration checkInterval, @DefaultValue("500") @Min(1) int batch) {
	}

	/**
	 * The demo organisation created at start-up when enabled (SPEC section 8).
	 *
	 * @param enabled create it if absent
	 * @param organisationDomain its sub domain
	 * @param email its owner's email
	 * @param password its password
	 */
	public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("demo") String organisationDomain,
			@DefaultValue("owner@demo.example") String email, @DefaultValue("") String password) {

		@Override
		public String toString() {
			return "Demo[enabled=" + this.enabled + ", organisationDomain=" + this.organisationDomain + "]";
		}

	}

}
