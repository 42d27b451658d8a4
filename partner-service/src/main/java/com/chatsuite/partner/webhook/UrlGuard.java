package com.chatsuite.partner.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import com.chatsuite.partner.PartnerProperties;
import com.chatsuite.support.web.ApiException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from reaching inside the platform's network (SSRF): a URL must be HTTPS
 * (plain HTTP only where configuration allows it) and must not resolve to a loopback,
 * private, link-local, shared or metadata address unless its host is allow-listed;
 * checked at registration and again before every delivery, since DNS answers change.
 */
@Component
class UrlGuard {

	private static final int MAX_URL = 2000;

	private final PartnerProperties.Webhooks properties;

	UrlGuard(PartnerProperties properties) {
		this.properties = properties.webhooks();
	}

	/**
	 * Checks a URL.
	 * @param url the URL given
	 * @param field the request field it came in
	 * @return the URL; 400 naming the field and the reason when it is refused
	 */
	Mono<URI> check(String url, String field) {
		return Mono.fromCallable(() -> parse(url, field))
			// Name resolution blocks.
			.publishOn(Schedulers.boundedElastic())
			.map((uri) -> {
				refuseInternal(uri, field);
				return uri;
			});
	}

	private URI parse(String url, String field) {
		if (url.length() > MAX_URL) {
			throw ApiException.badRequest(field, field + " must have at most " + MAX_URL + " characters");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw ApiException.badRequest(field, field + " is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean allowed = scheme.equals("https") || (scheme.equals("http") && this.properties.allowHttp());
		if (!allowed) {
			throw ApiException.badRequest(field, field + " must be an https URL");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw ApiException.badRequest(field, field + " must name a host and no user information");
		}
		return uri;
	}

	private void refuseInternal(URI uri, String field) {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (isAllowListed(host)) {
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw ApiException.badRequest(field, field + " names a host that does not resolve: " + host);
		}
		for (InetAddress address : addresses) {
			if (isInternal(address) && !isAllowListed(address.getHostAddress())) {
				throw ApiException.badRequest(field,
						field + " resolves to an internal address (" + address.getHostAddress()
								+ "): loopback, private, link-local and metadata addresses are refused");
			}
		}
	}

	/**
	 * Whether a connection made for a delivery reached an address the URL check would
	 * refuse: the host's name may resolve to another address when the connection is made
	 * than when it was checked (DNS rebinding).
	 * @param remote the address connected to, with the host name it was resolved from
	 * @return whether the connection must not be used
	 */
	boolean refusesConnection(InetSocketAddress remote) {
		InetAddress address = remote.getAddress();
		if (address == null || !isInternal(address)) {
			return false;
		}
		return !isAllowListed(remote.getHostString()) && !isAllowListed(address.getHostAddress());
	}

	private boolean isAllowListed(String hostOrAddress) {
		String bare = hostOrAddress.startsWith("[") ? hostOrAddress.substring(1, hostOrAddress.length() - 1)
				: hostOrAddress;
		List<String> allowed = this.properties.allowedHosts();
		return allowed.stream().anyMatch((entry) -> entry.equalsIgnoreCase(bare));
	}

	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			// Unique local (fc00::/7, which holds fd00:ec2::254, a metadata address) and
			// IPv4-mapped addresses of internal IPv4 ones.
			if ((bytes[0] & 0xfe) == 0xfc) {
				return true;
			}
			if (isIpv4Mapped(bytes)) {
				try {
					return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return true;
				}
			}
			return false;
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		// Shared address space (100.64.0.0/10), "this network" (0.0.0.0/8), benchmarking
		// (198.18.0.0/15) and the reserved 240.0.0.0/4.
		return (first == 100 && second >= 64 && second <= 127) || first == 0 || (first == 198 && (second & 0xfe) == 18)
				|| first >= 240;
	}

	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
	}

}
