package com.chatsuite.ticket.ticket;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A ticket as the agent ticket API shows it (Ticket of the reference document): content,
 * metadata with epoch-second timestamps ({@code 0} when not set), and the customer.
 *
 * @param id the ticket id
 * @param content the status, the room's product name and the last message
 * @param metadata the Metadata object
 * @param customer the Customer object
 */
record TicketView(String id, Map<String, Object> content, Metadata metadata, Customer customer) {

	static TicketView of(Ticket ticket, Instant now) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("status", ticket.status().name());
		content.put("product_name", ticket.productName());
		content.put("last_message", lastMessage(ticket.lastMessage()));
		Metadata metadata = new Metadata("", ticket.roomId(), "", seconds(ticket.pickedAt()),
				seconds(ticket.assignedAt()), seconds(ticket.autoCloseWarningAt()), seconds(ticket.autoCloseAt()),
				now.getEpochSecond(), ticket.orgId(), ticket.chatRoomClosed(),
				(ticket.language() != null) ? ticket.language() : "");
		return new TicketView(ticket.id(), content, metadata, Customer.of(ticket.customer()));
	}

	private static Map<String, Object> lastMessage(Ticket.LastMessage message) {
		if (message == null) {
			return null;
		}
		Map<String, Object> last = new LinkedHashMap<>();
		last.put("id", message.id());
		last.put("text", message.text());
		last.put("senderType", message.senderType().toLowerCase(Locale.ROOT));
		last.put("senderId", message.senderId());
		last.put("timestamp", seconds(message.postedAt()));
		return last;
	}

	private static long seconds(Instant time) {
		return (time != null) ? time.getEpochSecond() : 0;
	}

	/**
	 * Metadata of the reference document.
	 *
	 * @param ccr the customer contact reason, empty: rooms carry none
	 * @param roomId the room
	 * @param orderId the order id, empty: rooms carry none
	 * @param pickedTimestamp when the agent picked it
	 * @param assignedTimestamp when it was assigned
	 * @param autoCloseWarningTimestamp when the room is warned of auto-close
	 * @param autoCloseTimestamp when it closes by itself
	 * @param currentTimestamp the server's time now
	 * @param entityId the organisation
	 * @param isChatRoomClosed whether the room is closed
	 * @param language the visitor's language
	 */
	record Metadata(String ccr, String roomId, String orderId, long pickedTimestamp, long assignedTimestamp,
			long autoCloseWarningTimestamp, long autoCloseTimestamp, long currentTimestamp, String entityId,
			@JsonProperty("isChatRoomClosed") boolean isChatRoomClosed, String language) {

	}

	/**
	 * Customer of the reference document.
	 *
	 * @param id the visitor's user id
	 * @param firstName the first word of its name
	 * @param lastName the rest of its name
	 * @param name its whole name
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Customer(String id, String firstName, String lastName, String name) {

		static Customer of(Ticket.Customer customer) {
			String name = (customer.name() != null) ? customer.name().trim() : "";
			int space = name.indexOf(' ');
			String first = (space < 0) ? name : name.substring(0, space);
			String last = (space < 0) ? "" : name.substring(space + 1).trim();
			return new Customer(customer.id(), first, last, name);
		}

	}

}
