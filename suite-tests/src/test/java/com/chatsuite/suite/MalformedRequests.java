package com.chatsuite.suite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.chatsuite.suite.ApiOperations.Operation;
import com.chatsuite.suite.ApiOperations.Parameter;
import com.chatsuite.suite.RawHttp.Request;

/**
 * Malformed requests for the operations of the suite's OpenAPI documents. Request
 * {@code n} is a function of the seed and {@code n} only: the operation is
 * {@code n mod operations}, the kind of damage goes round {@link Damage} so every
 * operation gets every kind, and the details come from a random source seeded with both.
 * Requests start from a plausible call (known ids, the operation's credentials) and break
 * one thing, so that most of them pass the gateway and reach the service's own checks.
 */
final class MalformedRequests {

	/** What a request gets wrong. */
	enum Damage {

		BROKEN_JSON, WRONG_TYPES, NUMBERS, UNICODE_AND_CONTROL, DUPLICATE_KEYS, MEDIA_TYPES, HEADERS, OVERSIZED,
		PATH_TRAVERSAL, METHODS

	}

	/**
	 * Values of the running suite that make a request plausible.
	 *
	 * @param addonToken an addon access token of the organisation
	 * @param agentToken an agent token of one of its operators
	 * @param platformToken a platform admin token
	 * @param roomToken the room token of one of its rooms
	 * @param orgId the organisation's id
	 * @param roomId the room's id
	 * @param qrId one of its QR ids
	 * @param spareOperatorId another of its operators, the one requests may change
	 * @param domain one of its domains
	 * @param spareOrgId another organisation, the one platform calls may disable
	 * @param partnerKey a partner API key with every permission
	 * @param workspaceId a workspace of that partner
	 */
	record Fixtures(String addonToken, String agentToken, String platformToken, String roomToken, String orgId,
			String roomId, String qrId, String spareOperatorId, String domain, String spareOrgId, String partnerKey,
			String workspaceId) {
	}

	/**
	 * One generated request.
	 *
	 * @param operation what it calls
	 * @param damage what it gets wrong
	 * @param request the request
	 */
	record Case(Operation operation, Damage damage, Request request) {
	}

	private static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final List<String> NASTY_TEXT = List.of("\u0000", "a\u0000b", "\u0001\u0002\u001f\u007f",
			"\u202eevil\u202c", "\u200b\u200d\ufeff", "\ud83d\ude00", "e\u0301\u0301\u0301", "\ufffd\uffff",
			"<script>alert(1)</script>", "' OR '1'='1", "{\"$gt\": \"\"}", "$where", "%s%n%x", "${jndi:ldap://x/a}",
			"\\", "\"", "\r\n\r\nX-Injected: 1", "../../etc/passwd", " ", "\t\n", "null");

	/** Escaped forms that are not valid text: lone surrogates, invalid escapes. */
	private static final List<String> BAD_ESCAPES = List.of("\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u00\"",
			"\"\\x41\"", "\"\\uZZZZ\"", "\"\\\"");

	private static final List<String> NUMBERS = List.of("-1", "0", "-0", "1.5", "-2.5e3", "1e309", "-1e309", "1e-400",
			"9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "1" + "0".repeat(400),
			"0.000000000000000000000000001", "NaN", "Infinity", "-Infinity", "0x1F", "01", "+1", ".5", "1e", "--1");

	private static final List<String> WRONG_VALUES = List.of("[]", "[1,2,3]", "{}", "{\"a\":{\"b\":[]}}", "true",
			"false", "null", "123", "-7.25", "\"text\"", "[[[[]]]]", "[\"a\",{\"b\":null}]");

	private static final List<String> BROKEN_JSON = List.of("{", "}", "[", "]", "{\"a\":}", "{\"a\" 1}", "{'a':'b'}",
			"{\"a\":1,}", "{\"a\":1}}", "{\"a\":1} trailing", "\"unterminated", "{\"a\":tru}", "nul", "", " ", "NaN",
			"{a:1}", "{\"a\":1 \"b\":2}", "/* comment */ {}", "{\"a\":01}", "[1,]", ",", ":", "{,}", "\u0000",
			"{\"a\":\"\u0001\"}");

	private static final List<String> MEDIA_TYPES = List.of("text/plain", "application/xml", "text/html",
			"multipart/form-data; boundary=fuzz", "multipart/form-data", "application/octet-stream",
			"application/json; charset=utf-16", "application/json; charset=ebcdic", "application/json;;;",
			"application/json; charset=", "application/x-www-form-urlencoded", "*/*", "application/*", "json", "/", ";",
			"application/json, text/plain", "image/png", "application/jsonx", "APPLICATION/JSON",
			"application/merge-patch+json", "application/x-www-form-urlencoded; charset=iso-8859-1");

	private static final List<String> FORM_BODIES = List.of("a=%zz", "%", "=&=&=", "&&&", "a==b", "user_id=%00",
			"room_id=%E2%82", "type=create_message&type=delete_room", "a=" + "b".repeat(5000), "\u0000=\u0000",
			"%C3%28=%C3%28");

	private static final List<String> TRAVERSALS = List.of("..", "../..", "..%2f..%2fadmin", "%2e%2e", "%2e%2e%2f",
			"%252e%252e%252f", "..;", ";", "%00", "a%00b", "%2F", "%5C..%5C", "....%2F%2F", "%c0%ae%c0%ae", "~", "*",
			"%20", "%7B%22%24gt%22%3A%22%22%7D", "%24ne", "null", "undefined", "-1", "0", "9999999999999999999999",
			"%E2%80%AE", "%F0%9F%98%80", "%C3%28", "%FF", "x".repeat(2000), "a%2F..%2F..%2F..%2Factuator%2Fenv");

	private static final List<String> PATH_SUFFIXES = List.of("/..", "/../..", "/%2e%2e/%2e%2e/actuator/env",
			"%2f..%2f..%2factuator", "/./", "//", ";jsessionid=1", "%00", "/%00/", "/..;/..;/admin", "%20",
			"/.%2e/.%2e/v1/info", "?%zz", "?a=%", "?&&&", "?=", "?%00=%00");

	private static final List<String> OTHER_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
			"HEAD", "TRACE", "FUZZ", "CONNECT");

	private final List<Operation> operations;

	private final Fixtures fixtures;

	private final long seed;

	MalformedRequests(List<Operation> operations, Fixtures fixtures, long seed) {
		this.operations = operations;
		this.fixtures = fixtures;
		this.seed = seed;
	}

	Case generate(int n) {
		Operation operation = this.operations.get(n % this.operations.size());
		Damage damage = Damage.values()[(n / this.operations.size()) % Damage.values().length];
		Random random = new Random(this.seed * 1_000_003L + n);
		Draft draft = new Draft(operation, random);
		switch (damage) {
			case BROKEN_JSON -> brokenJson(draft);
			case WRONG_TYPES -> draft.replaceValue(pick(random, WRONG_VALUES));
			case NUMBERS -> draft.replaceValue(pick(random, NUMBERS));
			case UNICODE_AND_CONTROL -> unicode(draft);
			case DUPLICATE_KEYS -> duplicateKeys(draft);
			case MEDIA_TYPES -> mediaType(draft);
			case HEADERS -> headers(draft);
			case OVERSIZED -> oversized(draft);
			case PATH_TRAVERSAL -> traversal(draft);
			case METHODS -> draft.method = pick(random, OTHER_METHODS);
		}
		return new Case(operation, damage, draft.toRequest());
	}

	private void brokenJson(Draft draft) {
		Random random = draft.random;
		String valid = draft.json();
		String broken = switch (random.nextInt(6)) {
			case 0 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
			case 1 -> "[".repeat(1 + random.nextInt(100_000));
			case 2 -> "{\"a\":".repeat(1 + random.nextInt(20_000)) + "1" + "}".repeat(random.nextInt(3));
			case 3 -> "\ufeff" + valid;
			default -> pick(random, BROKEN_JSON);
		};
		draft.body = broken.getBytes(StandardCharsets.UTF_8);
		if (random.nextInt(4) == 0) {
			draft.body = invalidUtf8(random, valid);
		}
		draft.contentType = "application/json";
	}

	private void unicode(Draft draft) {
		Random random = draft.random;
		int choice = random.nextInt(4);
		if (choice == 0) {
			draft.replaceValue(pick(random, BAD_ESCAPES));
		}
		else if (choice == 1 && draft.hasBody()) {
			draft.body = invalidUtf8(random, draft.json());
			draft.contentType = "application/json";
		}
		else if (choice == 2) {
			draft.replaceParameter(pick(random, TRAVERSALS.subList(24, 28)));
		}
		else {
			String text = pick(random, NASTY_TEXT);
			if (random.nextInt(5) == 0) {
				text = text.repeat(1 + random.nextInt(20_000 / Math.max(1, text.length())));
			}
			draft.replaceText(text);
		}
	}

	private void duplicateKeys(Draft draft) {
		Random random = draft.random;
		if (!draft.hasBody()) {
			draft.repeatQuery = true;
			return;
		}
		StringBuilder json = new StringBuilder("{");
		draft.fields.forEach((name, value) -> {
			json.append(quote(name)).append(':').append(value).append(',');
			json.append(quote(name)).append(':').append(pick(random, WRONG_VALUES)).append(',');
		});
		json.append("\"\":1,\"\":2}");
		draft.body = json.toString().getBytes(StandardCharsets.UTF_8);
		draft.contentType = "application/json";
	}

	private void mediaType(Draft draft) {
		Random random = draft.random;
		draft.contentType = pick(random, MEDIA_TYPES);
		if (draft.body == null || random.nextBoolean()) {
			draft.body = (random.nextBoolean() ? draft.json() : pick(random, FORM_BODIES))
				.getBytes(StandardCharsets.UTF_8);
		}
		if (random.nextInt(4) == 0) {
			draft.headers.add(new String[] { "Content-Type", pick(random, MEDIA_TYPES) });
		}
		if (random.nextInt(3) == 0) {
			draft.headers.add(new String[] { "Accept", pick(random,
					List.of("application/xml", "text/html", "*/*;q=abc", "garbage", "text/event-stream", "image/*")) });
		}
		if (random.nextInt(6) == 0) {
			draft.contentType = null;
		}
	}

	private void headers(Draft draft) {
		Random random = draft.random;
		Fixtures known = this.fixtures;
		String junkJwt = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
				+ base64("{\"sub\":\"x\",\"kind\":\"agent\"}") + ".";
		List<String> authorizations = List.of("Bearer", "Bearer ", "bearer x", "Basic Zm9vOmJhcg==", "Bearer a.b.c",
				"Bearer " + "a".repeat(5000), "Bearer " + known.addonToken(), "Bearer " + known.agentToken(),
				"Bearer " + known.platformToken(), "Bearer " + known.roomToken(), "Bearer " + junkJwt,
				"Bearer " + known.partnerKey(), "Bearer " + known.agentToken() + " extra", "Token x",
				"Bearer " + known.agentToken() + "x", "Bearer\t" + known.agentToken(), "Digest username=\"a\"");
		switch (random.nextInt(9)) {
			case 0 -> draft.credentials.clear();
			case 1 -> {
				draft.credentials.clear();
				draft.headers.add(new String[] { "Authorization", pick(random, authorizations) });
			}
			case 2 -> {
				draft.credentials.clear();
				draft.headers.add(new String[] { "access_token", pick(random, List.of("", "x", known.agentToken(),
						known.platformToken(), junkJwt, known.addonToken() + known.addonToken(), "a".repeat(5000))) });
			}
			case 3 -> draft.credentials.add(new String[] { "Authorization", pick(random, authorizations) });
			case 4 -> draft.credentials.add(0, new String[] { "access_token", pick(random, List.of("x", junkJwt)) });
			case 5 -> {
				draft.credentials
					.add(new String[] { "X-Room-Token", pick(random, List.of("", "x", known.agentToken())) });
				draft.credentials.add(new String[] { "X-Room-Token", known.roomToken() });
			}
			case 6 -> {
				for (String name : List.of("Idempotency-Key", "X-Agent-ID", "Last-Event-ID", "X-Request-Id")) {
					draft.headers.add(new String[] { name, pick(random, List.of("-1", "abc", "99999999999999999999",
							"%00", "", "a".repeat(3000), known.spareOperatorId())) });
					draft.headers.add(new String[] { name, pick(random, List.of("1", "0", "x")) });
				}
			}
			case 7 -> draft.headers.add(new String[] {
					pick(random,
							List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
									"X-Forwarded-Prefix", "X-Real-IP", "Origin")),
					pick(random, List.of("for=\"[::1", "for=unknown;proto=gopher", "999.999.999.999", "::::",
							"evil.example:99999", "../../", "null", "http://", "a".repeat(2000), "\u00e9\u00e8")) });
			default -> draft.headers.add(new String[] { "Content-Type", pick(random, MEDIA_TYPES) });
		}
	}

	private void oversized(Draft draft) {
		Random random = draft.random;
		switch (random.nextInt(5)) {
			case 0 -> {
				draft.body = ("{\"x\":\"" + "a".repeat(MAX_BODY_BYTES + random.nextInt(300_000)) + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				draft.chunked = random.nextBoolean();
			}
			case 1 -> draft.replaceText("b".repeat(200_000 + random.nextInt(700_000)));
			case 2 -> {
				StringBuilder keys = new StringBuilder("{");
				int count = 10_000 + random.nextInt(40_000);
				for (int i = 0; i < count; i++) {
					keys.append("\"k").append(i).append("\":").append(i).append(',');
				}
				keys.append("\"end\":0}");
				draft.body = keys.toString().getBytes(StandardCharsets.UTF_8);
			}
			case 3 -> draft.replaceValue("[" + "1,".repeat(50_000 + random.nextInt(150_000)) + "1]");
			default -> draft.replaceParameter("q".repeat(1_000 + random.nextInt(2_000)));
		}
		if (draft.contentType == null) {
			draft.contentType = "application/json";
		}
	}

	private void traversal(Draft draft) {
		Random random = draft.random;
		if (draft.hasPathParameters() && random.nextInt(3) > 0) {
			draft.replacePathParameter(pick(random, TRAVERSALS));
		}
		else if (random.nextBoolean()) {
			draft.pathSuffix = pick(random, PATH_SUFFIXES);
		}
		else {
			draft.replaceParameter(pick(random, TRAVERSALS));
		}
	}

	private static byte[] invalidUtf8(Random random, String valid) {
		byte[] text = valid.getBytes(StandardCharsets.UTF_8);
		byte[][] bad = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF } };
		byte[] insert = bad[random.nextInt(bad.length)];
		int at = random.nextInt(text.length + 1);
		byte[] out = new byte[text.length + insert.length];
		System.arraycopy(text, 0, out, 0, at);
		System.arraycopy(insert, 0, out, at, insert.length);
		System.arraycopy(text, at, out, at + insert.length, text.length - at);
		return out;
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	static String quote(String text) {
		return SuiteApi.json.writeValueAsString(text);
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** A plausible call to an operation, changed by the damage before it is written. */
	private final class Draft {

		final Operation operation;

		final Random random;

		String method;

		final Map<String, String> pathValues = new LinkedHashMap<>();

		/** Query parameters, values not yet encoded. */
		final Map<String, String> query = new LinkedHashMap<>();

		/** Body fields, values as JSON text. */
		final Map<String, String> fields = new LinkedHashMap<>();

		final List<String[]> credentials = new ArrayList<>();

		final List<String[]> headers = new ArrayList<>();

		byte[] body;

		String contentType;

		boolean chunked;

		boolean repeatQuery;

		String pathSuffix = "";

		Draft(Operation operation, Random random) {
			this.operation = operation;
			this.random = random;
			this.method = operation.method();
			for (Parameter parameter : operation.parameters()) {
				String value = plausible(parameter.name(), parameter.type(), parameter.values());
				if ("path".equals(parameter.in())) {
					this.pathValues.put(parameter.name(), value);
				}
				else if ("query".equals(parameter.in()) && (parameter.required() || random.nextBoolean())) {
					this.query.put(parameter.name(), value);
				}
			}
			if (operation.body() != null) {
				operation.body()
					.forEach((name, field) -> this.fields.put(name,
							jsonValue(field.type(), plausible(name, field.type(), field.values()))));
				this.body = json().getBytes(StandardCharsets.UTF_8);
				this.contentType = "application/json";
			}
			credentials(random);
		}

		private void credentials(Random random) {
			List<List<String>> alternatives = this.operation.security();
			if (alternatives.isEmpty()) {
				return;
			}
			for (String scheme : alternatives.get(random.nextInt(alternatives.size()))) {
				Fixtures known = MalformedRequests.this.fixtures;
				switch (scheme) {
					case "accessToken", "accessToken:addon" ->
						this.credentials.add(new String[] { "access_token", known.addonToken() });
					case "bearerAuth:platform" ->
						this.credentials.add(new String[] { "Authorization", "Bearer " + known.platformToken() });
					case "bearerAuth", "bearerAuth:addon" ->
						this.credentials.add(new String[] { "Authorization", "Bearer " + known.addonToken() });
					case "agentToken" ->
						this.credentials.add(new String[] { "Authorization", "Bearer " + known.agentToken() });
					case "roomToken" -> this.credentials.add(new String[] { "X-Room-Token", known.roomToken() });
					case "roomTokenQuery" -> this.query.put("token", known.roomToken());
					case "apiKey" ->
						this.credentials.add(new String[] { "Authorization", "Bearer " + known.partnerKey() });
					default -> {
					}
				}
			}
		}

		boolean hasBody() {
			return !this.fields.isEmpty();
		}

		boolean hasPathParameters() {
			return !this.pathValues.isEmpty();
		}

		String json() {
			StringBuilder json = new StringBuilder("{");
			this.fields.forEach((name, value) -> json.append(quote(name)).append(':').append(value).append(','));
			if (json.length() > 1) {
				json.setLength(json.length() - 1);
			}
			return json.append('}').toString();
		}

		/**
		 * Puts raw JSON in place of a body field, or text in place of a query parameter.
		 */
		void replaceValue(String json) {
			if (hasBody()) {
				this.fields.put(pick(this.random, new ArrayList<>(this.fields.keySet())), json);
				this.body = json().getBytes(StandardCharsets.UTF_8);
				if (this.random.nextInt(8) == 0) {
					this.body = json.getBytes(StandardCharsets.UTF_8);
				}
			}
			else {
				replaceParameter(URLEncoder.encode(json, StandardCharsets.UTF_8));
			}
		}

		void replaceText(String text) {
			if (hasBody() && this.random.nextInt(4) > 0) {
				replaceValue(quote(text));
			}
			else {
				replaceParameter(URLEncoder.encode(text, StandardCharsets.UTF_8));
			}
		}

		/** Puts an encoded value in place of a path or query parameter, or adds one. */
		void replaceParameter(String encoded) {
			if (hasPathParameters() && this.random.nextBoolean()) {
				replacePathParameter(encoded);
				return;
			}
			List<String> names = new ArrayList<>(this.query.keySet());
			this.operation.parameters()
				.stream()
				.filter((parameter) -> "query".equals(parameter.in()))
				.forEach((parameter) -> names.add(parameter.name()));
			names.add(pick(this.random, List.of("limit", "before", "after", "type", "room_id", "org_id", "page")));
			this.query.put(pick(this.random, names), "\u0000" + encoded);
		}

		void replacePathParameter(String encoded) {
			this.pathValues.put(pick(this.random, new ArrayList<>(this.pathValues.keySet())), "\u0000" + encoded);
		}

		Request toRequest() {
			String path = this.operation.path();
			for (Map.Entry<String, String> value : this.pathValues.entrySet()) {
				path = path.replace("{" + value.getKey() + "}", encoded(value.getValue()));
			}
			StringBuilder target = new StringBuilder(path).append(this.pathSuffix);
			char separator = (this.pathSuffix.contains("?")) ? '&' : '?';
			for (Map.Entry<String, String> parameter : this.query.entrySet()) {
				int times = this.repeatQuery ? 2 : 1;
				for (int i = 0; i < times; i++) {
					target.append(separator)
						.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
						.append('=')
						.append(encoded(parameter.getValue()));
					separator = '&';
				}
			}
			List<String[]> lines = new ArrayList<>(this.credentials);
			if (this.body != null && this.contentType != null) {
				lines.add(0, new String[] { "Content-Type", this.contentType });
			}
			lines.addAll(this.headers);
			return new Request(this.method, target.toString(), lines, this.body, this.chunked);
		}

		/**
		 * Values marked with a leading NUL are already encoded; others are encoded here.
		 */
		private static String encoded(String value) {
			return value.startsWith("\u0000") ? value.substring(1)
					: URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		}

		private String plausible(String name, String type, List<String> values) {
			if (!values.isEmpty()) {
				return pick(this.random, values);
			}
			Fixtures known = MalformedRequests.this.fixtures;
			String key = name.toLowerCase(Locale.ROOT).replace("_", "");
			if (key.contains("workspace")) {
				return known.workspaceId();
			}
			if (key.contains("room")) {
				return known.roomId();
			}
			if (key.contains("qr")) {
				return known.qrId();
			}
			if (key.contains("operator") || key.equals("xagentid")) {
				// Changes to the operator the agent token belongs to could revoke it.
				return known.spareOperatorId();
			}
			if (key.contains("domain") || key.contains("product")) {
				return known.domain();
			}
			if (key.contains("org") || key.equals("id")) {
				// Platform calls may disable the organisation: never the one whose tokens
				// the other requests carry.
				return this.operation.path().startsWith("/platform/") ? known.spareOrgId() : known.orgId();
			}
			if (key.contains("addon")) {
				return "livechat";
			}
			if (key.contains("email")) {
				return "fuzz@example.com";
			}
			return switch (type) {
				case "integer" -> "3";
				case "number" -> "1.5";
				case "boolean" -> "true";
				case "array" -> "[]";
				case "object" -> "{}";
				default -> "fuzz";
			};
		}

		private static String jsonValue(String type, String value) {
			return switch (type) {
				case "integer", "number", "boolean", "array", "object" -> value;
				default -> quote(value);
			};
		}

	}

}
