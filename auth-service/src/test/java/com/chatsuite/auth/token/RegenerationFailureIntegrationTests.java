package com.chatsuite.auth.token;

import java.util.List;

import com.chatsuite.auth.AuthApiSupport;
import com.chatsuite.support.web.ApiException;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.reset;

@SuiteIntegrationTest
class RegenerationFailureIntegrationTests extends AuthApiSupport {

	@MockitoSpyBean
	private TokenIssuer issuer;

	@Test
	void aRegenerationThatFailsLeavesTheRefreshTokenUsableForARetry() {
		JsonNode organisation = api().createOrganisation(List.of("livechat"));
		JsonNode first = api().login(organisation, "livechat");
		String accessToken = first.path("access_token").asString();
		String refreshToken = first.path("refresh_token").asString();
		doReturn(Mono.error(ApiException.unavailable("tokens cannot be signed right now, try again later", 5)))
			.when(this.issuer)
			.issue(any(), any());
		regenerate(accessToken, refreshToken).expectStatus().isEqualTo(503).expectHeader().exists("Retry-After");
		reset(this.issuer);

		JsonNode second = body(regenerate(accessToken, refreshToken).expectStatus().isOk()).path("data");
		validate(second.path("access_token").asString(), second.path("refresh_token").asString(), "livechat")
			.expectStatus()
			.isOk();
		// Spent now: presenting it once more is a reuse.
		regenerate(accessToken, refreshToken).expectStatus().isUnauthorized();
	}

}
