package com.chatsuite.gateway.security;

import com.chatsuite.gateway.routing.ProxyHeadersFilter;
import com.chatsuite.support.security.TokenClaims;

import org.springframework.http.HttpHeaders;

/**
 * The headers that tell a service who the verified caller is. Only the gateway sets them:
 * whatever a client sent under their prefix ({@link ProxyHeadersFilter#IDENTITY_PREFIX})
 * never reaches a service.
 */
final class IdentityHeaders {

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
	 * Sets the identity headers of a verified token and forwards the token itself as a
	 * Bearer token, wherever the client put it.
	 * @param headers writable request headers, without identity headers of the client
	 * @param claims the verified claims
	 * @param token the verified compact token
	 */
	static void authenticate(HttpHeaders headers, TokenClaims claims, String token) {
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

}
