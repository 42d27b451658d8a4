package com.chatsuite.gateway.security;

import java.net.InetSocketAddress;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The actuator's own port, when it has one ({@code management.server.port}, 9090 in
 * Kubernetes): reached by the kubelet and Prometheus only, never by a Service or the
 * Ingress. The gateway's web filters also run for it; the access rules of the public port
 * do not apply there.
 */
@Component
class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

	/**
	 * Without a port of its own the actuator is on the public port: nothing is exempt.
	 */
	static final ManagementPort NONE = new ManagementPort();

	private static final String NAMESPACE = "management";

	private volatile int port = -1;

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
			this.port = event.getWebServer().getPort();
		}
	}

	/**
	 * Tells whether a request arrived on the management port.
	 * @param request the request
	 * @return {@code true} on the actuator's own port
	 */
	boolean received(ServerHttpRequest request) {
		InetSocketAddress local = request.getLocalAddress();
		return this.port > 0 && local != null && local.getPort() == this.port;
	}

}
