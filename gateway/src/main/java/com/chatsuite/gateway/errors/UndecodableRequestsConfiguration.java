package com.chatsuite.gateway.errors;

import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link UndecodableRequests} into every connection's pipeline, after the HTTP
 * codec.
 */
@Configuration(proxyBeanMethods = false)
class UndecodableRequestsConfiguration {

	@Bean
	NettyServerCustomizer undecodableRequests(JsonMapper json) {
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				UndecodableRequests.RequestLineStart lineStart = new UndecodableRequests.RequestLineStart();
				channel.pipeline()
					.addBefore(NettyPipeline.HttpCodec, "suite.requestLineStart", lineStart)
					.addAfter(NettyPipeline.HttpCodec, "suite.undecodableRequests",
							new UndecodableRequests(json, lineStart));
			}
		});
	}

}
