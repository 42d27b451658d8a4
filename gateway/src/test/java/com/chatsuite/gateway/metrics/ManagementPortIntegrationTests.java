package com.chatsuite.gateway.metrics;

import java.time.Duration;

import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.testsupport.TestWebClients;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as Kubernetes runs it, with the actuator on a port of its own: probes and
 * {@code /actuator/prometheus} there, nothing of it on the public port.
 */
@SuiteIntegrationTest(properties = "management.server.port=0")
class ManagementPortIntegrationTests extends StubbedGatewayTest {

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private ObjectProvider<MetricsServer> metricsServer;

	@Test
	void prometheusIsServedOnTheManagementPortOnly() {
		this.web.get()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.exchange()
			.expectStatus()
			.isOk();
		WebTestClient management = TestWebClients.toServer("http://127.0.0.1:" + this.managementPort,
				Duration.ofSeconds(30));
		String scraped = management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scraped).contains("uri=\"route:ticket-service\"");
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		this.web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
		// No second metrics port beside the actuator's own.
		assertThat(this.metricsServer.getIfAvailable()).isNull();
	}

}
