package com.chatsuite.gateway.limits;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTests {

	private final ServerHttpRequest forwarded = MockServerHttpRequest.get("/")
		.remoteAddress(new InetSocketAddress("10.0.0.5", 41000))
		.header("X-Forwarded-For", "1.2.3.4, 198.51.100.20")
		.build();

	@Test
	void forwardedForIsIgnoredUnlessTrusted() {
		assertThat(new ClientAddresses(false).of(this.forwarded)).isEqualTo("10.0.0.5");
	}

	@Test
	void trustedForwardedForGivesTheAddressOurProxyAppended() {
		assertThat(new ClientAddresses(true).of(this.forwarded)).isEqualTo("198.51.100.20");
	}

	@Test
	void lastOfSeveralForwardedForHeadersCounts() {
		ServerHttpRequest request = MockServerHttpRequest.get("/")
			.header("X-Forwarded-For", "1.2.3.4")
			.header("X-Forwarded-For", "203.0.113.9")
			.build();
		assertThat(new ClientAddresses(true).of(request)).isEqualTo("203.0.113.9");
	}

	@Test
	void trustedButAbsentForwardedForFallsBackToPeer() {
		ServerHttpRequest request = MockServerHttpRequest.get("/")
			.remoteAddress(new InetSocketAddress("10.0.0.6", 41000))
			.build();
		assertThat(new ClientAddresses(true).of(request)).isEqualTo("10.0.0.6");
	}

}
