package com.chatsuite.gateway.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

/**
 * The gateway's metrics: request timings tagged by route, and, when the actuator has no
 * port of its own (the local run), a Prometheus port of their own. With
 * {@code management.server.port} (Kubernetes: 9090) Prometheus scrapes the actuator's
 * {@code /actuator/prometheus} there, as on every application.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	ServerRequestObservationConvention routeObservationConvention(Environment environment) {
		return new RouteObservationConvention(
				environment.getProperty("management.observations.http.server.requests.name", "http.server.requests"));
	}

	@Bean
	@ConditionalOnExpression("${suite.gateway.metrics.port:9080} >= 0 and '${management.server.port:}' == ''")
	MetricsServer metricsServer(PrometheusMeterRegistry registry, MetricsProperties properties) {
		return new MetricsServer(registry, properties);
	}

}
