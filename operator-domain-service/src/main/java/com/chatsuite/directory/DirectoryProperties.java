package com.chatsuite.directory;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How operator-domain-service presents itself to merchants.
 *
 * @param gatewayUrl the public URL of the gateway, which the widget embed snippet of a
 * {@code seller_buyer_chat_system} domain points at
 */
@Validated
@ConfigurationProperties("suite.directory")
public record DirectoryProperties(@DefaultValue("http://localhost:8080") @NotNull URI gatewayUrl) {

}
