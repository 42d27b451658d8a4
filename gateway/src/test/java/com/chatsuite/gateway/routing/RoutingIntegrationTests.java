package com.chatsuite.gateway.routing;

import java.time.Duration;
import java.util.List;

import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.StubServer;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

@SuiteIntegrationTest
class RoutingIntegrationTests extends StubbedGatewayTest {

	@LocalServerPort
	private int port;

	@Test
	void manyConcurrentCallsToOneServiceAllGetThrough() {
		String token = Tokens.agent().compact();
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);
		List<HttpStatusCode> statuses = Flux.range(0, 60)
			.flatMap((i) -> client.get()
				.uri("/v1/tickets/slow")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode())), 60)
			.collectList()
			.block(StubServer.SLOW.plus(Duration.ofSeconds(10)));
		assertThat(statuses).hasSize(60).allMatch(HttpStatusCode::is2xxSuccessful);
	}

}
