package com.chatsuite.directory.visibility;

import java.util.List;
import java.util.Objects;

import com.chatsuite.support.events.OutboxEvent;
import com.chatsuite.support.events.OutboxWrites;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The widget visibility last announced for a domain, with the
 * {@code widget-visibility-changed} event that announces it until sent. Its version moves
 * on with every look at the domain, changed or not, so that of two looks at once the one
 * that read older facts loses its write and looks again.
 *
 * @param id the domain id
 * @param orgId the domain's organisation
 * @param visible whether the widget shows
 * @param reason why not, {@code null} when it shows
 * @param version the optimistic-lock version
 * @param outbox its event until sent
 */
@Document("widget_verdicts")
record WidgetVerdict(@Id String id, String orgId, boolean visible, String reason, @Version Long version,
		List<OutboxEvent> outbox) implements OutboxWrites.Aggregate {

	WidgetVerdict {
		outbox = (outbox != null) ? List.copyOf(outbox) : List.of();
	}

	boolean says(Verdict verdict) {
		return this.visible == verdict.visible() && Objects.equals(this.reason, verdict.reason());
	}

}
