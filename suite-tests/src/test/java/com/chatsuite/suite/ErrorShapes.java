package com.chatsuite.suite;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import com.chatsuite.suite.RawHttp.Response;

/**
 * What an answer to a malformed request must look like (SPEC section 3): no 5xx, nothing
 * of the implementation (stack frames, exception or class names) in its body or headers,
 * and a 4xx body in the error shape of the API family the path belongs to.
 */
final class ErrorShapes {

	/**
	 * Frames, exception names and package names of what the suite runs on; without
	 * unbounded repetition, so that a megabyte of letters is scanned in linear time.
	 */
	private static final Pattern LEAK = Pattern
		.compile("(Exception\\b|Error:|\\bat [a-z][\\w$]{0,60}\\.[\\w$.]{1,200}\\(|"
				+ "\\.java:\\d|\\bjava\\.[a-z]|\\bjavax\\.|\\bjakarta\\.|org\\.springframework|\\breactor\\.[a-z]|io\\.netty|"
				+ "tools\\.jackson|com\\.fasterxml|com\\.mongodb|de\\.bwaldvogel|org\\.apache|com\\.chatsuite|"
				+ "(?i:stacktrace)|\"trace\"\\s{0,5}:)");

	private static final Set<String> TICKET_TITLES = Set.of("bad request", "not authorize", "forbidden", "not found",
			"internal server error", "too many requests", "method not allowed", "conflict", "payload too large",
			"content too large", "unsupported media type", "not acceptable", "service unavailable",
			"unprocessable entity", "unprocessable content", "gone", "request header fields too large", "uri too long");

	private ErrorShapes() {
	}

	/**
	 * What is wrong with an answer.
	 * @param method the request's method
	 * @param path the request's path, as sent
	 * @param response the answer
	 * @return the fault, {@code null} when the answer is acceptable
	 */
	static String fault(String method, String path, Response response) {
		if (response.status() >= 500) {
			return "answered " + response.status();
		}
		String leak = leak(response);
		if (leak != null) {
			return "shows '" + leak + "'";
		}
		if (response.status() < 400 || "HEAD".equals(method)) {
			return null;
		}
		return shapeFault(path, response);
	}

	private static String leak(Response response) {
		Matcher body = LEAK.matcher(response.bodyText());
		if (body.find()) {
			return body.group();
		}
		for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
			for (String value : header.getValue()) {
				Matcher matcher = LEAK.matcher(value);
				if (matcher.find()) {
					return header.getKey() + ": " + matcher.group();
				}
			}
		}
		return null;
	}

	private static String shapeFault(String path, Response response) {
		String contentType = response.header("content-type");
		if (contentType == null || !contentType.startsWith("application/json")) {
			return "a " + response.status() + " with Content-Type " + contentType;
		}
		JsonNode body;
		try {
			body = SuiteApi.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			return "a " + response.status() + " whose body is not JSON";
		}
		String family = family(path);
		boolean shaped = switch (family) {
			case "addon admin" -> body.path("status").isInt() && body.path("status").asInt() == 0 && message(body)
					&& (body.path("errors").isMissingNode() || fieldErrors(body.path("errors")));
			case "partner" ->
				"error".equals(body.path("status").asString(null)) && message(body) && body.path("errors").isArray();
			case "agent ticket" -> body.size() == 1 && body.path("errors").size() == 1
					&& String.valueOf(response.status())
						.equals(body.path("errors").path(0).path("status").asString(null))
					&& TICKET_TITLES.contains(body.path("errors").path(0).path("title").asString(""))
					&& body.path("errors").path(0).size() == 2;
			case "widget visibility" ->
				"failure".equals(body.path("type").asString(null)) && body.path("data").path("reason").isString()
						|| body.path("status").isInt() && body.path("status").asInt() == 0 && message(body);
			case "chat room" -> body.path("success").isBoolean() && !body.path("success").asBoolean() && message(body);
			default -> body.path("status").asInt() == response.status() && message(body);
		};
		return shaped ? null : "a " + response.status() + " not in the " + family + " error shape";
	}

	/**
	 * The API family of a path, as the gateway tells them apart.
	 * @param path the request path
	 * @return the family's name
	 */
	static String family(String path) {
		if (path.equals("/admin/check-widget-visiblity")) {
			// Refusals in the addon admin shape, a domain it cannot show the widget on as
			// {"type": "failure", "data": {...}} (SPEC section 3).
			return "widget visibility";
		}
		if (under(path, "/admin") || under(path, "/auth") || under(path, "/platform") || under(path, "/embed")) {
			return "addon admin";
		}
		if (under(path, "/partner")) {
			return "partner";
		}
		if (under(path, "/v1")) {
			return "agent ticket";
		}
		if (under(path, "/api/v2")) {
			return "chat room";
		}
		return "other";
	}

	private static boolean under(String path, String prefix) {
		return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
	}

	private static boolean message(JsonNode body) {
		return body.path("message").isString() && !body.path("message").asString().isBlank();
	}

	private static boolean fieldErrors(JsonNode errors) {
		if (!errors.isArray()) {
			return false;
		}
		for (JsonNode error : errors) {
			if (!error.path("field").isString() || !error.path("message").isString()) {
				return false;
			}
		}
		return true;
	}

}
