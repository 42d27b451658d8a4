package com.chatsuite.support.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.chatsuite.contracts.events.CloudEvent;
import com.chatsuite.contracts.events.EventData;
import com.chatsuite.contracts.events.auth.OrganisationDisabled;
import com.chatsuite.contracts.events.auth.OrganisationEnabled;
import com.chatsuite.contracts.events.auth.RevocationScope;
import com.chatsuite.contracts.events.auth.TokenRevoked;
import com.chatsuite.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationListTests {

	private final MutableClock clock = MutableClock.startingNow();

	private final RevocationList list = new RevocationList(this.clock);

	@Test
	void revokedSessionRefusesEveryTokenOfTheChainUntilTheyExpire() {
		TokenClaims token = addonToken("session-1");
		apply(new TokenRevoked(RevocationScope.SESSION, "session-1", "livechat", "reuse", now(),
				now().plus(Duration.ofHours(1))));
		assertThat(this.list.reasonRevoked(token)).contains("session revoked");
		assertThat(this.list.reasonRevoked(addonToken("session-2"))).isEmpty();

		this.clock.advance(Duration.ofHours(2));
		this.list.forgetExpired();
		assertThat(this.list.size()).isZero();
	}

	@Test
	void deactivatedOperatorLosesOnlyTokensIssuedBeforeAndOnlyInThatAddon() {
		TokenClaims before = agentToken("op-1", "livechat", now().minusSeconds(5));
		apply(new TokenRevoked(RevocationScope.SUBJECT, "op-1", "livechat", "operator deactivated", now(),
				now().plus(Duration.ofHours(1))));
		assertThat(this.list.reasonRevoked(before)).contains("operator deactivated");
		assertThat(this.list.reasonRevoked(agentToken("op-1", "partner", now().minusSeconds(5)))).isEmpty();
		assertThat(this.list.reasonRevoked(agentToken("op-1", "livechat", now().plusSeconds(5)))).isEmpty();
	}

	@Test
	void removedAddonRevokesEveryTokenOfTheOrganisationForItIssuedBefore() {
		Instant earlier = now().minusSeconds(5);
		TokenClaims access = new TokenClaims(TokenKind.ADDON, "org-1", "jti-a", "org-1", "acme", "partner", "s",
				List.of(), null, earlier, earlier.plusSeconds(3600));
		TokenClaims apiKey = new TokenClaims(TokenKind.API_KEY, "key-1", "key-1", "org-1", "acme", "partner", null,
				List.of("workspaces:read"), null, earlier, null);
		TokenClaims agent = agentToken("op-1", "partner", earlier);
		apply(new TokenRevoked(RevocationScope.SUBJECT, "org-1", "partner", "addon removed", now(),
				now().plus(Duration.ofDays(36500))));
		assertThat(this.list.reasonRevoked(access)).contains("addon removed");
		assertThat(this.list.reasonRevoked(apiKey)).contains("addon removed");
		assertThat(this.list.reasonRevoked(agent)).contains("addon removed");
		assertThat(this.list.reasonRevoked(agentToken("op-1", "livechat", earlier))).as("another addon").isEmpty();
		TokenClaims otherOrganisation = new TokenClaims(TokenKind.ADDON, "org-2", "jti-b", "org-2", "beta", "partner",
				"s", List.of(), null, earlier, earlier.plusSeconds(3600));
		assertThat(this.list.reasonRevoked(otherOrganisation)).isEmpty();
		assertThat(this.list.reasonRevoked(agentToken("op-1", "partner", now().plusSeconds(5))))
			.as("issued after the addon was installed again")
			.isEmpty();
	}

	@Test
	void disabledOrganisationIsRefusedUntilEnabledAgain() {
		TokenClaims token = addonToken("s");
		apply(new OrganisationDisabled("org-1", "acme", now()));
		assertThat(this.list.reasonRevoked(token)).contains("organisation disabled");
		this.clock.advance(Duration.ofSeconds(1));
		apply(new OrganisationEnabled("org-1", "acme", now()));
		assertThat(this.list.reasonRevoked(token)).isEmpty();
	}

	@Test
	void applyingTheSameEventTwiceChangesNothing() {
		CloudEvent<EventData> event = CloudEvent.of("auth-service", "api_key:k1", "org-1",
				new TokenRevoked(RevocationScope.API_KEY, "k1", "partner", "revoked", now(), now().plusSeconds(3600)),
				now());
		this.list.apply(event);
		this.list.apply(event);
		assertThat(this.list.size()).isEqualTo(1);
	}

	private void apply(EventData data) {
		this.list.apply(CloudEvent.of("auth-service", "subject", "org-1", data, now()));
	}

	private Instant now() {
		return this.clock.instant();
	}

	private TokenClaims addonToken(String session) {
		return new TokenClaims(TokenKind.ADDON, "org-1", "jti-" + session, "org-1", "acme", "livechat", session,
				List.of(), null, now(), now().plusSeconds(3600));
	}

	private TokenClaims agentToken(String operator, String addon, Instant issuedAt) {
		return new TokenClaims(TokenKind.AGENT, operator, "jti", "org-1", "acme", addon, null, List.of(), null,
				issuedAt, issuedAt.plusSeconds(3600));
	}

}
