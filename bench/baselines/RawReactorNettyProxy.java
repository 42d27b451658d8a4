package bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reference point of bench/gateway-bench.sh (BASELINES=1): the smallest keep-alive reverse
 * proxy on Reactor Netty, the HTTP engine under Spring Cloud Gateway. No routing table, no
 * header filtering, no token check: what the engine alone costs per request.
 *
 * Arguments: listen port, upstream base URL.
 */
public final class RawReactorNettyProxy {

	public static void main(String[] args) {
		HttpClient client = HttpClient.create(ConnectionProvider.builder("upstream").maxConnections(512).build())
			.baseUrl(args[1]);
		HttpServer.create()
			.host("127.0.0.1")
			.port(Integer.parseInt(args[0]))
			.handle((request, response) -> client
				.headers((headers) -> headers.set(request.requestHeaders()).remove(HttpHeaderNames.HOST))
				.request(request.method())
				.uri(request.uri())
				.send(request.receive().retain())
				.response((upstream, body) -> response.status(upstream.status())
					.headers(upstream.responseHeaders())
					.send(body.retain())
					.then()))
			.bindNow()
			.onDispose()
			.block();
	}

}
