package com.chatsuite.support.observability;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * What every application shares for metrics and traces beyond Spring Boot's own
 * auto-configuration: probes and scrapes are neither timed nor traced, and the current
 * trace can be kept with work that goes on later (the outbox).
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration")
public class ObservabilityAutoConfiguration {

	private static final String ACTUATOR = "/actuator";

	@Bean
	@ConditionalOnMissingBean
	TraceParents traceParents(ObjectProvider<Tracer> tracer) {
		return TraceParents.of(tracer);
	}

	/**
	 * Kubernetes probes every few seconds and Prometheus scrapes would otherwise be most
	 * of the request timings and traces of a quiet service.
	 * @return the predicate
	 */
	@Bean
	@ConditionalOnClass(ServerRequestObservationContext.class)
	ObservationPredicate actuatorRequestsNotObserved() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& request.getCarrier().getPath().value().startsWith(ACTUATOR));
	}

}
