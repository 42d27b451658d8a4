package com.chatsuite.gateway.widget;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * What people use in a browser, served by the gateway itself: the chat widget merchants
 * embed ({@code /widget/<addon>.js}, public, cached with a strong ETag, gzip-compressed
 * when the browser accepts it) and the agent console ({@code /console/}, static files
 * under {@code static/console}). Both only call the public APIs through the gateway.
 */
@Configuration(proxyBeanMethods = false)
class WidgetConfiguration {

	private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	@Bean
	RouterFunction<ServerResponse> widgetAndConsole(WidgetProperties properties) {
		StaticScript widget = StaticScript.of(new ClassPathResource("widget/widget.js"));
		List<String> addons = List.copyOf(properties.addons());
		CacheControl cache = CacheControl.maxAge(properties.maxAge()).cachePublic();
		return RouterFunctions.route()
			.GET("/widget/{file}", (request) -> script(request, addons, widget, cache))
			.GET("/console", (request) -> ServerResponse.permanentRedirect(URI.create("/console/")).build())
			.GET("/console/",
					(request) -> ServerResponse.ok()
						.contentType(MediaType.TEXT_HTML)
						.cacheControl(CacheControl.noCache())
						.bodyValue(new ClassPathResource("static/console/index.html")))
			.build();
	}

	private static Mono<ServerResponse> script(ServerRequest request, List<String> addons, StaticScript script,
			CacheControl cache) {
		String file = request.pathVariable("file");
		if (!file.endsWith(".js") || !addons.contains(file.substring(0, file.length() - 3))) {
			return ServerResponse.notFound().build();
		}
		boolean gzip = acceptsGzip(request);
		if (alreadyHas(request, script.etag())) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED)
				.eTag(script.etag())
				.cacheControl(cache)
				.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
				.build();
		}
		ServerResponse.BodyBuilder response = ServerResponse.ok()
			.contentType(JAVASCRIPT)
			.eTag(script.etag())
			.cacheControl(cache)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
			.header("X-Content-Type-Options", "nosniff");
		if (gzip) {
			response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		return response.bodyValue(gzip ? script.gzipped() : script.plain());
	}

	/** Whether the browser's copy, named in {@code If-None-Match}, is this one. */
	private static boolean alreadyHas(ServerRequest request, String etag) {
		for (String value : request.headers().header(HttpHeaders.IF_NONE_MATCH)) {
			for (String tag : value.split(",")) {
				String trimmed = tag.trim();
				if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean acceptsGzip(ServerRequest request) {
		for (String value : request.headers().header(HttpHeaders.ACCEPT_ENCODING)) {
			if (value.toLowerCase().contains("gzip")) {
				return true;
			}
		}
		return false;
	}

}
