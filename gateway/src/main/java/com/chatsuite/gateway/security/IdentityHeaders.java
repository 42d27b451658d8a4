package com.chatsuite.gateway.security;

import com.chatsuite.support.security.TokenClaims;

import org.springframework.http.HttpHeaders;

/**
 * The headers that tell a service who the verified caller is. Only the gateway sets them:
 * whatever a client sent under the {@value #PREFIX} prefix is removed first.
 */
final class IdentityHeaders {

	/** Every identity header starts with this. */
	static final String PREFIX = "X-Auth-";

	static final String KIND = "X-Auth-Kind";

	static final String SUBJECT = "X-Auth-Subject";

	static final String ORG = "X-Auth-Org";

	static final String ORG_DOMAIN = "X-Auth-Org-Domain";

	static final String ADDON = "X-Auth-Addon";

	static final String PERMISSIONS = "X-Auth-Permissions";

	static final String EMAIL = "X-Auth-Email";

	private IdentityHeaders() {
	}

	/**
	 * Tells whether a client sent any identity header.
	 * @param headers the request headers
	 * @return {@code true} when one header name starts with {@value #PREFIX}
	 */
	static boolean present(HttpHeaders headers) {
		for (String name : headers.headerNames()) {
			if (isIdentityHeader(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Removes every identity header.
	 * @param headers writable request headers
	 */
	static void strip(HttpHeaders headers) {
		headers.headerNames().removeIf(IdentityHeaders::isIdentityHeader);
	}

	/**
	 * Replaces the identity headers with those of a verified token and forwards the token
	 * itself as a Bearer token, wherever the client put it.
	 * @param headers writable request headers
	 * @param claims the verified claims
	 * @param token the verified compact token
	 */
	static void authenticate(HttpHeaders headers, TokenClaims claims, String token) {
		strip(headers);
		headers.set(KIND, claims.kind().claim());
		setIfPresent(headers, SUBJECT, claims.subject());
		setIfPresent(headers, ORG, claims.orgId());
		setIfPresent(headers, ORG_DOMAIN, claims.orgDomain());
		setIfPresent(headers, ADDON, claims.addon());
		setIfPresent(headers, EMAIL, claims.email());
		if (!claims.permissions().isEmpty()) {
			headers.set(PERMISSIONS, String.join(",", claims.permissions()));
		}
		headers.setBearerAuth(token);
	}

	private static void setIfPresent(HttpHeaders headers, String name, String value) {
		if (value != null) {
			headers.set(name, value);
		}
	}

	private static boolean isIdentityHeader(String name) {
		return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

}
