package com.chatsuite.support.security;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The one rule for where a request presents its token, applied by the gateway and again
 * by every service, so both read the same token from the same request:
 * <ol>
 * <li>where the addon API's {@code access_token} header is accepted and not blank, that
 * header;</li>
 * <li>otherwise {@code Authorization: Bearer <token>} (scheme case-insensitive);</li>
 * <li>an {@code Authorization} header with any other scheme is refused as malformed,
 * never ignored;</li>
 * <li>neither header: no token.</li>
 * </ol>
 */
public final class PresentedToken {

	/** The addon API's own header for the access token. */
	public static final String ACCESS_TOKEN_HEADER = "access_token";

	/**
	 * How long a client is told to wait ({@code Retry-After}) when tokens cannot be
	 * checked because the signing keys cannot be fetched.
	 */
	public static final long UNVERIFIABLE_RETRY_AFTER_SECONDS = 5;

	private static final String BEARER = "Bearer ";

	private PresentedToken() {
	}

	/**
	 * The token a request presents.
	 * @param headers the request headers
	 * @param accessTokenHeader whether the {@code access_token} header is accepted here
	 * @return the compact token, {@code null} when none is presented
	 * @throws TokenRejectedException when {@code Authorization} holds something other
	 * than a Bearer token
	 */
	public static @Nullable String from(HttpHeaders headers, boolean accessTokenHeader) {
		if (accessTokenHeader) {
			String token = headers.getFirst(ACCESS_TOKEN_HEADER);
			if (token != null && !token.isBlank()) {
				return token.trim();
			}
		}
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || authorization.isBlank()) {
			return null;
		}
		if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new TokenRejectedException(TokenRejectedException.Reason.MALFORMED,
					"Authorization header is not a Bearer token (expected 'Authorization: Bearer <token>')");
		}
		return authorization.substring(BEARER.length()).trim();
	}

}
