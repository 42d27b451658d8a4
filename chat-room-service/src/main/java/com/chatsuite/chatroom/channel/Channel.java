package com.chatsuite.chatroom.channel;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A website an organisation registered for the widget, projected from
 * operator-domain-service's domain events: a room's {@code product_name} names one.
 *
 * @param id the domain id
 * @param orgId the organisation
 * @param name the domain name
 * @param addon the addon it was registered in
 * @param active whether it is active
 */
@Document("channels")
record Channel(@Id String id, String orgId, String name, String addon, boolean active) {

}
