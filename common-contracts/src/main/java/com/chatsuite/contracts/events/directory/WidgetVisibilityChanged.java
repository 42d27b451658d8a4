package com.chatsuite.contracts.events.directory;

import java.time.Instant;
import java.util.Objects;

import com.chatsuite.contracts.events.EventData;

/**
 * Whether the chat widget shows on a domain changed, by the rules of the widget
 * visibility check: the domain and its organisation active, the organisation's workspace
 * not paused, and an assigned operator active and online. Announced once per change, and
 * once for a new domain.
 *
 * @param domainId the domain id
 * @param name the domain name
 * @param addon the addon unique name
 * @param visible whether the widget shows
 * @param reason why it does not, {@code null} when it does
 * @param version the version of the domain's verdict: a later announcement of a domain
 * has a higher one, whichever replica made it and whatever its clock says
 * @param changedAt when the change was seen
 */
public record WidgetVisibilityChanged(String domainId, String name, String addon, boolean visible, String reason,
		long version, Instant changedAt) implements EventData {

	public WidgetVisibilityChanged {
		Objects.requireNonNull(domainId, "domainId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(addon, "addon");
		Objects.requireNonNull(changedAt, "changedAt");
	}

}
