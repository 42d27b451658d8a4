package com.chatsuite.gateway.routing;

import java.time.Duration;
import java.util.List;

import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.Echo;
import com.chatsuite.gateway.support.StubServer;
import com.chatsuite.gateway.support.Tokens;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

@SuiteIntegrationTest
class RoutingIntegrationTests extends StubbedGatewayTest {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void hopByHopAndForwardingHeadersOfTheClientDoNotReachTheService() {
		Echo received = routed(this.web.get()
			.uri("/v1/tickets")
			.headers((headers) -> headers.setBearerAuth(Tokens.agent().compact()))
			.header("Keep-Alive", "timeout=5")
			.header("Proxy-Authorization", "Basic eA==")
			.header("TE", "trailers")
			.header("Forwarded", "for=1.2.3.4")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Custom", "kept")
			.exchange());
		assertThat(received.header("X-Custom")).containsExactly("kept");
		assertThat(received.header("Keep-Alive")).isEmpty();
		assertThat(received.header("Proxy-Authorization")).isEmpty();
		assertThat(received.header("TE")).isEmpty();
		assertThat(received.header("Forwarded")).isEmpty();
		assertThat(received.headersStartingWith("X-Forwarded-")).isEmpty();
	}

	@Test
	void oneHeaderFilterCopiesTheRequestHeadersInsteadOfFour() {
		assertThat(this.context.getBeansOfType(HttpHeadersFilter.class).values())
			.extracting((filter) -> filter.getClass().getSimpleName())
			.contains("ProxyHeadersFilter", "IdentityHeadersFilter", "CorrelationHeadersFilter")
			.doesNotContain("RemoveHopByHopHeadersFilter", "RemoveForwardedHeadersFilter",
					"RemoveXForwardedHeadersFilter", "TransferEncodingNormalizationHeadersFilter",
					"GRPCRequestHeadersFilter");
	}

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
