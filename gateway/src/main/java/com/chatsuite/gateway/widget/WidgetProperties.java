package com.chatsuite.gateway.widget;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The chat widget merchants embed ({@code /widget/<addon>.js}).
 *
 * @param addons the addons with a widget, each served at {@code /widget/<addon>.js}
 * @param maxAge how long browsers and proxies may use the script before asking again with
 * its ETag
 */
@Validated
@ConfigurationProperties("suite.gateway.widget")
public record WidgetProperties(@DefaultValue( {
		"livechat", "seller_buyer_chat_system" }) @NotEmpty List<String> addons,
		@DefaultValue("5m") @NotNull Duration maxAge){

}
