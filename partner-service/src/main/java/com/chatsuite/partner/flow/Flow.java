package com.chatsuite.partner.flow;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A chat channel of a workspace: one of its organisation's domains, projected from
 * operator-domain-service's events.
 *
 * @param id the domain id
 * @param orgId the organisation, which is the workspace of the same id
 * @param name the domain name
 * @param addon the addon it belongs to
 * @param active whether the domain is active
 * @param visible whether its widget shows, {@code null} until operator-domain-service
 * said
 * @param hiddenBecause why the widget does not show, {@code null} when it does
 * @param visibilityVersion the version of the domain's verdict that {@code visible} is
 * from, {@code null} until operator-domain-service said
 */
@Document("flows")
record Flow(@Id String id, String orgId, String name, String addon, boolean active, Boolean visible,
		String hiddenBecause, Long visibilityVersion) {

}
