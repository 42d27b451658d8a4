package com.chatsuite.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of the widget visibility check: {@code {"type": "success"|"failure", "data":
 * {"isWidgetVisible": ..., "reason": ...}}}.
 *
 * @param type {@code success} when the widget is visible, {@code failure} otherwise
 * @param data the answer
 */
public record WidgetVisibilityResponse(String type, Data data) {

	/**
	 * Answer that the widget may be shown.
	 * @return the body
	 */
	public static WidgetVisibilityResponse visible() {
		return new WidgetVisibilityResponse("success", new Data(true, null));
	}

	/**
	 * Answer that the widget must not be shown.
	 * @param reason the first unmet visibility rule
	 * @return the body
	 */
	public static WidgetVisibilityResponse invisible(String reason) {
		return new WidgetVisibilityResponse("failure", new Data(false, reason));
	}

	/**
	 * Whether the widget is visible and, when it is not, why.
	 *
	 * @param isWidgetVisible whether the widget may be shown
	 * @param reason the first unmet visibility rule, omitted when visible
	 */
	public record Data(@JsonProperty("isWidgetVisible") boolean isWidgetVisible,
			@JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

	}

}
