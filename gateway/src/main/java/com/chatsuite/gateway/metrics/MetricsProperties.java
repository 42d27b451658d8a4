package com.chatsuite.gateway.metrics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway serves its Prometheus metrics: a port of their own, never the public
 * one (whose {@code /actuator/prometheus} is a 404).
 *
 * @param port the metrics port; {@code 0} for any free port, {@code -1} for none
 * @param address the address to listen on
 */
@Validated
@ConfigurationProperties("suite.gateway.metrics")
public record MetricsProperties(@DefaultValue("9080") @Min(-1) @Max(65535) int port,
		@DefaultValue("0.0.0.0") String address) {

}
