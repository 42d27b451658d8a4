package com.chatsuite.ticket;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How ticket-service routes tickets, closes quiet ones and watches agents.
 *
 * @param capacity open tickets an agent holds at most, for organisations that set no
 * capacity of their own
 * @param autoCloseWarning quiet time after the last message before the room is warned,
 * for organisations that set none
 * @param autoClose quiet time after the last message before the ticket and its room are
 * closed, for organisations that set none
 * @param idleOffline how long an agent may make no {@code /v1} call before it goes
 * offline by itself
 * @param housekeepingInterval how often due auto-closes, idle agents and waiting tickets
 * are looked for
 * @param streamKeepAlive how often an idle agent stream sends a comment, so proxies keep
 * it open
 */
@Validated
@ConfigurationProperties("suite.tickets")
public record TicketsProperties(@DefaultValue("3") @Min(1) @Max(100) int capacity,
		@DefaultValue("10m") @NotNull Duration autoCloseWarning, @DefaultValue("15m") @NotNull Duration autoClose,
		@DefaultValue("5m") @NotNull Duration idleOffline, @DefaultValue("1s") @NotNull Duration housekeepingInterval,
		@DefaultValue("20s") @NotNull Duration streamKeepAlive) {

}
