package com.chatsuite.gateway.security;

import java.util.Set;

import com.chatsuite.gateway.errors.ApiFamily;
import com.chatsuite.support.security.PresentedToken;
import com.chatsuite.support.security.TokenKind;
import com.chatsuite.support.security.TokenRejectedException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The parts of the public API that need an access token, with the kind each accepts and
 * where the token may be presented (SPEC section 2).
 */
enum TokenRealm {

	/** Addon admin API: an addon token, in {@code access_token} or as a Bearer token. */
	ADMIN("/admin", TokenKind.ADDON, true),

	/** Token minting for agents and API keys: an addon token, like {@link #ADMIN}. */
	AUTH("/auth", TokenKind.ADDON, true),

	/** Platform administration: a platform admin token, Bearer only. */
	PLATFORM("/platform", TokenKind.PLATFORM, false),

	/** Partner API: a partner API key, Bearer only. */
	PARTNER("/partner", TokenKind.API_KEY, false),

	/** Agent ticket API: an agent token, Bearer only. */
	TICKETS("/v1", TokenKind.AGENT, false),

	/** Server-side chat room API: an agent token, Bearer only. */
	CHAT("/api/v2", TokenKind.AGENT, false);

	/** The addon admin API's own header for the access token. */
	static final String ACCESS_TOKEN_HEADER = PresentedToken.ACCESS_TOKEN_HEADER;

	private final String prefix;

	private final Set<TokenKind> accepted;

	private final boolean accessTokenHeader;

	TokenRealm(String prefix, TokenKind accepted, boolean accessTokenHeader) {
		this.prefix = prefix;
		this.accepted = Set.of(accepted);
		this.accessTokenHeader = accessTokenHeader;
	}

	/**
	 * The realm of a path.
	 * @param path the request path
	 * @return the realm, {@code null} when the path is in none
	 */
	static @Nullable TokenRealm of(String path) {
		for (TokenRealm realm : values()) {
			if (ApiFamily.isUnder(path, realm.prefix)) {
				return realm;
			}
		}
		return null;
	}

	/** The token kinds accepted here. */
	Set<TokenKind> accepted() {
		return this.accepted;
	}

	/** The header a caller is told to fix when the token is refused. */
	String tokenHeader() {
		return this.accessTokenHeader ? ACCESS_TOKEN_HEADER : HttpHeaders.AUTHORIZATION;
	}

	/**
	 * The token a request presents for this realm, by the rule the services apply too.
	 * @param headers the request headers
	 * @return the compact token, {@code null} when none is presented
	 * @throws TokenRejectedException when {@code Authorization} holds something other
	 * than a Bearer token
	 * @see PresentedToken
	 */
	@Nullable String tokenIn(HttpHeaders headers) {
		return PresentedToken.from(headers, this.accessTokenHeader);
	}

}
