package com.chatsuite.support.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/**
 * The fields of a request, whether its body is JSON or {@code x-www-form-urlencoded}, or
 * the query string for a GET (SPEC section 3), with typed accessors that name the field
 * at fault.
 */
public final class RequestFields {

	/** Largest body accepted, matching the gateway's limit. */
	public static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Object> values;

	private RequestFields(Map<String, Object> values) {
		this.values = values;
	}

	/**
	 * Reads the fields of a request.
	 * @param exchange the exchange
	 * @return the fields, or an {@link ApiException} (400 malformed, 413 too large, 415
	 * media type)
	 */
	public static Mono<RequestFields> read(ServerWebExchange exchange) {
		if (HttpMethod.GET.equals(exchange.getRequest().getMethod())
				|| HttpMethod.DELETE.equals(exchange.getRequest().getMethod())) {
			return Mono.just(query(exchange));
		}
		return readBody(exchange);
	}

	/**
	 * The fields of a request's query string.
	 * @param exchange the exchange
	 * @return the fields, the first value of each
	 */
	public static RequestFields query(ServerWebExchange exchange) {
		return new RequestFields(new LinkedHashMap<>(exchange.getRequest().getQueryParams().toSingleValueMap()));
	}

	/**
	 * The fields of a request's body, whatever its method: JSON or a form.
	 * @param exchange the exchange
	 * @return the fields (none for an empty body), or an {@link ApiException} (400
	 * malformed, 413 too large, 415 media type)
	 */
	public static Mono<RequestFields> readBody(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return body(exchange).map(RequestFields::parseForm)
				.defaultIfEmpty(new RequestFields(new LinkedHashMap<>()));
		}
		if (type != null && !MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
			return Mono
				.error(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"Content-Type " + type
								+ " is not supported; send application/json or application/x-www-form-urlencoded",
						null));
		}
		return body(exchange).map(RequestFields::parseJson).defaultIfEmpty(new RequestFields(new LinkedHashMap<>()));
	}

	/**
	 * The request body, at most {@link #MAX_BODY_BYTES}. Reading stops one byte past the
	 * limit and completes normally (the rest of the body is drained by the server).
	 * {@code DataBufferUtils.join(body, limit)} is not used: its limit error is raised
	 * while Reactor Netty is handing over a buffer, and on that path a request buffer was
	 * released twice ({@code IllegalReferenceCountException}), breaking the connection
	 * the 413 was sent on.
	 */
	private static Mono<byte[]> body(ServerWebExchange exchange) {
		return DataBufferUtils
			.join(DataBufferUtils.takeUntilByteCount(exchange.getRequest().getBody(), MAX_BODY_BYTES + 1L))
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				if (bytes.length > MAX_BODY_BYTES) {
					throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "request body is larger than 1 MiB", null);
				}
				return bytes;
			});
	}

	private static RequestFields parseForm(byte[] bytes) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			form.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		form.forEach((name, list) -> values.put(name, (list.size() == 1) ? list.get(0) : List.copyOf(list)));
		return new RequestFields(values);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest(null, "request body is not a valid form");
		}
	}

	@SuppressWarnings("unchecked")
	private static RequestFields parseJson(byte[] bytes) {
		if (bytes.length == 0) {
			return new RequestFields(new LinkedHashMap<>());
		}
		try {
			Object parsed = json.readValue(bytes, Object.class);
			if (!(parsed instanceof Map<?, ?> map)) {
				throw ApiException.badRequest(null, "request body must be a JSON object");
			}
			return new RequestFields(new LinkedHashMap<>((Map<String, Object>) map));
		}
		catch (JacksonException ex) {
			throw ApiException.badRequest(null, "request body is not valid JSON");
		}
	}

	/**
	 * A required text field, trimmed.
	 * @param name the field
	 * @return its value
	 */
	public String requiredText(String name) {
		String value = optionalText(name);
		if (value == null) {
			throw ApiException.badRequest(name, name + " is required");
		}
		return value;
	}

	/**
	 * The fields of a nested object: a JSON object, or form fields named
	 * {@code name[field]}.
	 * @param name the field holding the object
	 * @return its fields, empty when absent; 400 when it is not an object
	 */
	@SuppressWarnings("unchecked")
	public RequestFields object(String name) {
		Object value = this.values.get(name);
		if (value instanceof Map<?, ?> map) {
			return new RequestFields(new LinkedHashMap<>((Map<String, Object>) map));
		}
		if (value != null) {
			throw ApiException.badRequest(name, name + " must be an object");
		}
		Map<String, Object> nested = new LinkedHashMap<>();
		String prefix = name + "[";
		this.values.forEach((key, item) -> {
			if (key.startsWith(prefix) && key.endsWith("]")) {
				nested.put(key.substring(prefix.length(), key.length() - 1), item);
			}
		});
		return new RequestFields(nested);
	}

	/**
	 * Every field, as given.
	 * @return the field names and values, in the order given
	 */
	public Map<String, Object> asMap() {
		return Collections.unmodifiableMap(this.values);
	}

	/**
	 * A field exactly as given, for checks of its own (a message text keeps its spaces).
	 * @param name the field
	 * @return its value: a string, number, boolean, list or map; {@code null} when absent
	 */
	public Object raw(String name) {
		return this.values.get(name);
	}

	/**
	 * An optional text field, trimmed; {@code null} when absent or blank.
	 * @param name the field
	 * @return its value or {@code null}
	 */
	public String optionalText(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String) && !(value instanceof Number)) {
			throw ApiException.badRequest(name, name + " must be a string");
		}
		String text = value.toString().trim();
		return text.isEmpty() ? null : text;
	}

	/**
	 * An optional boolean, given as JSON boolean, {@code true}/{@code false}, or 1/0.
	 * @param name the field
	 * @return its value or {@code null} when absent
	 */
	public Boolean optionalBoolean(String name) {
		Object value = this.values.get(name);
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		String text = value.toString().trim().toLowerCase(Locale.ROOT);
		return switch (text) {
			case "true", "1" -> true;
			case "false", "0" -> false;
			default -> throw ApiException.badRequest(name, name + " must be true or false");
		};
	}

	/**
	 * An optional integer.
	 * @param name the field
	 * @return its value or {@code null} when absent
	 */
	public Integer optionalInteger(String name) {
		Object value = this.values.get(name);
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		if (value instanceof Integer number) {
			return number;
		}
		try {
			return Integer.valueOf(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest(name, name + " must be a whole number");
		}
	}

	/**
	 * An optional whole number that may be larger than an {@code int}.
	 * @param name the field
	 * @return its value or {@code null} when absent
	 */
	public Long optionalLong(String name) {
		Object value = this.values.get(name);
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		if (value instanceof Integer || value instanceof Long) {
			return ((Number) value).longValue();
		}
		try {
			return Long.valueOf(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest(name, name + " must be a whole number");
		}
	}

	/**
	 * A required list of texts, given as a JSON array, a repeated form field, or one
	 * comma-separated text.
	 * @param name the field
	 * @return the values, never empty
	 */
	public List<String> requiredTextList(String name) {
		Object value = this.values.get(name);
		List<String> texts = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object item : list) {
				if (!(item instanceof String text)) {
					throw ApiException.badRequest(name, name + " must be a list of strings");
				}
				texts.add(text.trim());
			}
		}
		else if (value instanceof String text) {
			for (String part : text.split(",")) {
				texts.add(part.trim());
			}
		}
		else if (value != null) {
			throw ApiException.badRequest(name, name + " must be a list of strings");
		}
		texts.removeIf(String::isEmpty);
		if (texts.isEmpty()) {
			throw ApiException.badRequest(name, name + " is required and must not be empty");
		}
		return texts;
	}

}
