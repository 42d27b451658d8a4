package com.chatsuite.gateway.errors;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.chatsuite.contracts.api.AddonApiError;
import com.chatsuite.contracts.api.ChatRoomApiError;
import com.chatsuite.contracts.api.FieldError;
import com.chatsuite.contracts.api.PartnerApiError;
import com.chatsuite.contracts.api.TicketApiError;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * The public API families (SPEC section 3), told apart by path, each with its own error
 * body. Whatever the gateway refuses is answered in the shape of the family addressed.
 */
public enum ApiFamily {

	/**
	 * Addon admin API: {@code /admin/**}, {@code /auth/**}, {@code /platform/**}, and the
	 * embedded widget's public questions ({@code /embed/**}).
	 */
	ADDON_ADMIN("/admin", "/auth", "/platform", "/embed") {
		@Override
		public Object errorBody(HttpStatus status, String message, @Nullable String field) {
			return (field != null) ? AddonApiError.of(message, FieldError.of(field, message))
					: AddonApiError.of(message);
		}
	},

	/** Partner API: {@code /partner/**}. */
	PARTNER("/partner") {
		@Override
		public Object errorBody(HttpStatus status, String message, @Nullable String field) {
			return (field != null) ? PartnerApiError.of(message, FieldError.of(field, message))
					: PartnerApiError.of(message);
		}
	},

	/**
	 * Agent ticket API: {@code /v1/**}. Its document fixes the body to a status and a
	 * title, so the reason travels in headers only.
	 */
	AGENT_TICKET("/v1") {
		@Override
		public Object errorBody(HttpStatus status, String message, @Nullable String field) {
			return TicketApiError.of(status.value(), ticketTitle(status));
		}
	},

	/** Chat room API: {@code /api/v2/**}. */
	CHAT_ROOM("/api/v2") {
		@Override
		public Object errorBody(HttpStatus status, String message, @Nullable String field) {
			return ChatRoomApiError.of(message);
		}
	},

	/** Anything else: health, the JWK set, unknown paths. */
	OTHER() {
		@Override
		public Object errorBody(HttpStatus status, String message, @Nullable String field) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("status", status.value());
			body.put("message", message);
			return body;
		}
	};

	private final String[] prefixes;

	ApiFamily(String... prefixes) {
		this.prefixes = prefixes;
	}

	/**
	 * The family a path belongs to.
	 * @param path the request path
	 * @return the family, {@link #OTHER} when none
	 */
	public static ApiFamily of(String path) {
		for (ApiFamily family : values()) {
			for (String prefix : family.prefixes) {
				if (isUnder(path, prefix)) {
					return family;
				}
			}
		}
		return OTHER;
	}

	/**
	 * Tells whether a path is a prefix itself or lies below it.
	 * @param path the request path
	 * @param prefix a path prefix without trailing slash
	 * @return {@code true} for {@code prefix} and {@code prefix/...}
	 */
	public static boolean isUnder(String path, String prefix) {
		return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
	}

	/**
	 * The error body of this family.
	 * @param status the HTTP status
	 * @param message a human-readable reason
	 * @param field the request field or header at fault, if any
	 * @return a body to serialise as JSON
	 */
	public abstract Object errorBody(HttpStatus status, String message, @Nullable String field);

	private static String ticketTitle(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> "not authorize";
			case TOO_MANY_REQUESTS -> "too many requests";
			case INTERNAL_SERVER_ERROR -> "internal server error";
			default -> status.getReasonPhrase().toLowerCase(Locale.ROOT);
		};
	}

}
