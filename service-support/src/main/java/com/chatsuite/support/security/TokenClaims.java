package com.chatsuite.support.security;

import java.time.Instant;
import java.util.List;

/**
 * What a verified access token says about its bearer.
 *
 * @param kind the token kind
 * @param subject the organisation, operator, API key or platform admin it was issued to
 * @param tokenId the unique token id ({@code jti}); for an API key, the key id
 * @param orgId the tenant organisation, {@code null} for the platform admin
 * @param orgDomain the organisation's sub domain, {@code null} for the platform admin
 * @param addon the addon the token is scoped to, {@code null} for the platform admin
 * @param sessionId the refresh chain the token belongs to ({@code sid}), addon tokens
 * only
 * @param permissions the permissions of an API key, empty otherwise
 * @param email the operator's email, agent tokens only
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being valid, {@code null} for API keys (valid until
 * revoked)
 */
public record TokenClaims(TokenKind kind, String subject, String tokenId, String orgId, String orgDomain, String addon,
		String sessionId, List<String> permissions, String email, Instant issuedAt, Instant expiresAt) {

	/** Claim names, shared by the issuer and every verifier. */
	public static final String KIND = "kind";

	public static final String ORG = "org";

	public static final String ORG_DOMAIN = "org_domain";

	public static final String ADDON = "addon";

	public static final String SESSION = "sid";

	public static final String PERMISSIONS = "perms";

	public static final String EMAIL = "email";

	public TokenClaims {
		permissions = (permissions != null) ? List.copyOf(permissions) : List.of();
	}

}
