package com.chatsuite.partner.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import com.chatsuite.partner.PartnerProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of the address a delivery's connection reached, which catches a host whose
 * name resolves to an internal address only when the connection is made.
 */
class UrlGuardTests {

	private final UrlGuard guard = new UrlGuard(new PartnerProperties(List.of(), List.of(), List.of(),
			new PartnerProperties.Renewal(Duration.ofMinutes(1)), webhooks(List.of("receiver.internal", "10.9.9.9"))));

	@Test
	void aConnectionToAnInternalAddressOfAHostNotAllowListedIsRefused() throws Exception {
		assertThat(this.guard.refusesConnection(at("rebinding.example", 169, 254, 169, 254))).isTrue();
		assertThat(this.guard.refusesConnection(at("rebinding.example", 10, 0, 0, 1))).isTrue();
		assertThat(this.guard.refusesConnection(at("rebinding.example", 127, 0, 0, 1))).isTrue();
	}

	@Test
	void publicAddressesAndAllowListedHostsOrAddressesAreLetThrough() throws Exception {
		assertThat(this.guard.refusesConnection(at("receiver.example", 93, 184, 216, 34))).isFalse();
		assertThat(this.guard.refusesConnection(at("receiver.internal", 10, 0, 0, 1))).isFalse();
		assertThat(this.guard.refusesConnection(at("other.example", 10, 9, 9, 9))).isFalse();
	}

	private static InetSocketAddress at(String host, int a, int b, int c, int d) throws Exception {
		return new InetSocketAddress(
				InetAddress.getByAddress(host, new byte[] { (byte) a, (byte) b, (byte) c, (byte) d }), 443);
	}

	private static PartnerProperties.Webhooks webhooks(List<String> allowedHosts) {
		return new PartnerProperties.Webhooks(false, allowedHosts, List.of(Duration.ofSeconds(5)),
				Duration.ofSeconds(15), Duration.ofDays(5), Duration.ofSeconds(1), Duration.ofSeconds(60), 256, 50, 10,
				Duration.ofSeconds(30), 16);
	}

}
