package com.chatsuite.directory;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How operator-domain-service presents itself to merchants.
 *
 * @param gatewayUrl the public URL of the gateway, which the widget embed snippet of a
 * {@code seller_buyer_chat_system} domain points at
 * @param announcements how often operators and domains are announced again as they stand
 */
@Validated
@ConfigurationProperties("suite.directory")
public record DirectoryProperties(@DefaultValue("http://localhost:8080") @NotNull URI gatewayUrl,
		@DefaultValue @Valid @NotNull Announcements announcements) {

	/**
	 * Operators and domains announced again as they stand on {@code directory.operators},
	 * so that the topic, which keeps events for 7 days, always holds all of them.
	 *
	 * @param every how long after its last announcement an operator or domain is
	 * announced again; keep it well below the topic's retention
	 * @param checkInterval how often a replica looks for those due
	 * @param batch how many one batch announces at most
	 */
	public record Announcements(@DefaultValue("24h") @NotNull Duration every,
			@DefaultValue("10m") @NotNull Duration checkInterval, @DefaultValue("500") @Min(1) int batch) {
	}

}
