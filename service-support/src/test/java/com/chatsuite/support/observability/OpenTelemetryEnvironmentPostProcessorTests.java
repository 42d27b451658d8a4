package com.chatsuite.support.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenTelemetryEnvironmentPostProcessorTests {

	private static final String EXPORT = "management.opentelemetry.tracing.export.otlp.";

	@Test
	void withoutAnEndpointNothingIsExportedOrSampled() {
		Map<String, Object> properties = OpenTelemetryEnvironmentPostProcessor
			.properties(Map.<String, String>of()::get);
		assertThat(properties).doesNotContainKey(EXPORT + "endpoint")
			.containsEntry("management.tracing.sampling.probability", "0.0");
	}

	@Test
	void theGeneralEndpointGetsTheTracesPathOverHttpAndEveryTraceIsSampled() {
		Map<String, Object> properties = OpenTelemetryEnvironmentPostProcessor
			.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/")::get);
		assertThat(properties).containsEntry(EXPORT + "endpoint", "http://collector:4318/v1/traces")
			.containsEntry(EXPORT + "transport", "http")
			.containsEntry("management.tracing.sampling.probability", "1.0");
	}

	@Test
	void grpcUsesTheEndpointAsGivenAndTheTracesEndpointWins() {
		assertThat(OpenTelemetryEnvironmentPostProcessor.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
				"http://collector:4317", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")::get))
			.containsEntry(EXPORT + "endpoint", "http://collector:4317")
			.containsEntry(EXPORT + "transport", "grpc");
		assertThat(OpenTelemetryEnvironmentPostProcessor.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
				"http://a:4318", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://b:4318/custom")::get))
			.containsEntry(EXPORT + "endpoint", "http://b:4318/custom");
	}

	@Test
	void headersSamplingAndTheOffSwitchesAreRead() {
		assertThat(OpenTelemetryEnvironmentPostProcessor
			.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://a:4318", "OTEL_EXPORTER_OTLP_HEADERS",
					"api-key=secret, tenant=t1", "OTEL_TRACES_SAMPLER_ARG", "0.25")::get))
			.containsEntry(EXPORT + "headers.api-key", "secret")
			.containsEntry(EXPORT + "headers.tenant", "t1")
			.containsEntry("management.tracing.sampling.probability", "0.25");
		assertThat(OpenTelemetryEnvironmentPostProcessor
			.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://a:4318", "OTEL_TRACES_EXPORTER", "none")::get))
			.doesNotContainKey(EXPORT + "endpoint");
		assertThat(OpenTelemetryEnvironmentPostProcessor
			.properties(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://a:4318", "OTEL_SDK_DISABLED", "true")::get))
			.doesNotContainKey(EXPORT + "endpoint");
	}

}
