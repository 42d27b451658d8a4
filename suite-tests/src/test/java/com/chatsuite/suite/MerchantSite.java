package com.chatsuite.suite;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A merchant's website: a real HTTP server of its own on another port (so another origin
 * than the gateway), serving the pages a test puts on it.
 */
final class MerchantSite implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, String> pages = new ConcurrentHashMap<>();

	MerchantSite() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::serve);
		this.server.start();
	}

	/**
	 * The site's origin: {@code localhost}, where the gateway is reached at 127.0.0.1.
	 */
	String origin() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	/**
	 * Puts a page on the site.
	 * @param path its path
	 * @param html its content
	 * @return its URL
	 */
	String page(String path, String html) {
		this.pages.put(path, html);
		return origin() + path;
	}

	private void serve(HttpExchange exchange) throws IOException {
		String page = this.pages.get(exchange.getRequestURI().getPath());
		byte[] body = ((page != null) ? page : "not found").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders((page != null) ? 200 : 404, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
