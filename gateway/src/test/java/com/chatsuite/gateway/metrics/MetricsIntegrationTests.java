package com.chatsuite.gateway.metrics;

import java.time.Duration;

import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import com.chatsuite.testsupport.TestWebClients;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@SuiteIntegrationTest
class MetricsIntegrationTests extends StubbedGatewayTest {

	@Autowired
	private MetricsServer metrics;

	@Test
	void prometheusIsNotServedOnThePublicPortWithOrWithoutAToken() {
		this.web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
		this.web.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth(Tokens.platform().compact()))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void metricsPortServesRequestTimingsPerRouteWithoutRawPaths() {
		this.web.get()
			.uri("/v1/tickets/ticket-4711")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.exchange()
			.expectStatus()
			.isOk();

		String scraped = scrape("/actuator/prometheus");
		assertThat(scraped).containsPattern(
				"http_server_requests_seconds_count\\{application=\"gateway\",[^}]*uri=\"route:ticket-service\"[^}]*\\} [1-9]")
			.contains("http_server_requests_seconds_bucket{application=\"gateway\"")
			.contains("jvm_memory_used_bytes{application=\"gateway\"")
			.doesNotContain("ticket-4711");
	}

	@Test
	void metricsPortAnswersNothingElse() {
		TestWebClients.toServer("http://127.0.0.1:" + this.metrics.port(), Duration.ofSeconds(30))
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private String scrape(String path) {
		return TestWebClients.toServer("http://127.0.0.1:" + this.metrics.port(), Duration.ofSeconds(30))
			.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
