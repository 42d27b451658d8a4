package com.chatsuite.support.observability;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the standard OpenTelemetry SDK variables for trace export and turns them into
 * Spring Boot's properties, so an operator configures the suite as any OpenTelemetry
 * application: {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), {@code OTEL_EXPORTER_OTLP_PROTOCOL}
 * ({@code http/protobuf} or {@code grpc}), {@code OTEL_EXPORTER_OTLP_HEADERS},
 * {@code OTEL_TRACES_EXPORTER} ({@code none} turns export off),
 * {@code OTEL_TRACES_SAMPLER_ARG} and {@code OTEL_SDK_DISABLED}.
 * ({@code OTEL_SERVICE_NAME} and {@code OTEL_RESOURCE_ATTRIBUTES} Spring Boot reads
 * itself.)
 * <p>
 * Without an endpoint nothing is exported and nothing is sampled: no exporter exists, so
 * nothing tries to connect, and spans cost the least; trace ids are still made, sent on
 * and logged. With one, every trace is sampled unless {@code OTEL_TRACES_SAMPLER_ARG}
 * says otherwise. Spring properties set explicitly win over these.
 */
public class OpenTelemetryEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String NAME = "openTelemetryVariables";

	private static final String EXPORT = "management.opentelemetry.tracing.export.otlp.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(NAME)) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource(NAME, properties(environment::getProperty)));
	}

	/**
	 * The Spring properties the variables stand for.
	 * @param variables looks a variable up, {@code null} when unset
	 * @return the properties
	 */
	static Map<String, Object> properties(Variables variables) {
		Map<String, Object> properties = new HashMap<>();
		String endpoint = tracesEndpoint(variables);
		String sampling = text(variables.get("OTEL_TRACES_SAMPLER_ARG"));
		if (endpoint == null) {
			properties.put("management.tracing.sampling.probability", "0.0");
			return properties;
		}
		properties.put(EXPORT + "endpoint", endpoint);
		properties.put(EXPORT + "transport", isGrpc(variables) ? "grpc" : "http");
		String headers = text(first(variables, "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS"));
		if (headers != null) {
			for (String header : headers.split(",")) {
				int equals = header.indexOf('=');
				if (equals > 0) {
					properties.put(EXPORT + "headers." + header.substring(0, equals).trim(),
							header.substring(equals + 1).trim());
				}
			}
		}
		properties.put("management.tracing.sampling.probability", (sampling != null) ? sampling : "1.0");
		return properties;
	}

	/** The URL spans go to, {@code null} when export is off. */
	private static String tracesEndpoint(Variables variables) {
		if ("true".equalsIgnoreCase(text(variables.get("OTEL_SDK_DISABLED")))) {
			return null;
		}
		String exporter = text(variables.get("OTEL_TRACES_EXPORTER"));
		if (exporter != null && !exporter.toLowerCase(Locale.ROOT).contains("otlp")) {
			return null;
		}
		String traces = text(variables.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"));
		if (traces != null) {
			return traces;
		}
		String base = text(variables.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
		if (base == null) {
			return null;
		}
		// The general endpoint is a base URL: over HTTP the signal's path is appended,
		// over
		// gRPC it is used as it is (OpenTelemetry exporter specification).
		if (isGrpc(variables)) {
			return base;
		}
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
	}

	private static boolean isGrpc(Variables variables) {
		return "grpc".equalsIgnoreCase(
				text(first(variables, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL")));
	}

	private static String first(Variables variables, String name, String fallback) {
		String value = text(variables.get(name));
		return (value != null) ? value : variables.get(fallback);
	}

	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Where the variables come from (the environment, or a map in tests). */
	@FunctionalInterface
	interface Variables {

		String get(String name);

	}

}
