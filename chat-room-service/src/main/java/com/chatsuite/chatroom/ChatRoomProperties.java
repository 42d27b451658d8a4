package com.chatsuite.chatroom;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How chat-room-service greets visitors, pages messages and keeps streams alive.
 *
 * @param greeting the greeting a new room's visitor is shown
 * @param messages message limits and paging
 * @param streams live message streams
 * @param qrIds QR id creation
 */
@Validated
@ConfigurationProperties("suite.chat")
public record ChatRoomProperties(@DefaultValue("How may I help you") @NotBlank String greeting,
		@DefaultValue @Valid @NotNull Messages messages, @DefaultValue @Valid @NotNull Streams streams,
		@DefaultValue @Valid @NotNull QrIds qrIds) {

	/**
	 * Messages.
	 *
	 * @param maxLength the longest message text, in characters
	 * @param defaultPage messages answered when the request gives no {@code limit}
	 * @param maxPage the largest {@code limit} accepted
	 */
	public record Messages(@DefaultValue("4000") @Min(1) int maxLength, @DefaultValue("100") @Min(1) int defaultPage,
			@DefaultValue("500") @Min(1) int maxPage) {
	}

	/**
	 * Live message streams (Server-Sent Events).
	 *
	 * @param heartbeat how often an idle stream sends a comment, so proxies keep it open
	 * and a client notices a dead connection
	 */
	public record Streams(@DefaultValue("15s") @NotNull Duration heartbeat) {
	}

	/**
	 * QR ids.
	 *
	 * @param maxCount the most QR ids one request may create
	 */
	public record QrIds(@DefaultValue("100") @Min(1) @Max(1000) int maxCount) {
	}

}
