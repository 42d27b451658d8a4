package com.chatsuite.auth.token;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code data} of the three access-token endpoints, as the reference document names
 * it.
 *
 * @param accessToken the access token for the addon API
 * @param refreshToken the refresh token to regenerate it
 * @param expireIn seconds the access token stays valid
 * @param organisationDomain the organisation's sub domain
 */
public record TokenPair(@JsonProperty("access_token") String accessToken,
		@JsonProperty("refresh_token") String refreshToken, @JsonProperty("expire_in") long expireIn,
		@JsonProperty("organisation_domain") String organisationDomain) {

}
