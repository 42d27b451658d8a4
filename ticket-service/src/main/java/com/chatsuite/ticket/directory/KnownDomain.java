package com.chatsuite.ticket.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A domain of operator-domain-service as routing needs it: a room whose
 * {@code product_name} is its name goes to the operators assigned to it.
 *
 * @param id the domain id
 * @param orgId the organisation
 * @param addon the addon
 * @param name the name, lower case without scheme
 * @param active whether the domain is active
 */
@Document("domains")
@CompoundIndex(name = "org_name", def = "{'orgId': 1, 'name': 1}")
public record KnownDomain(@Id String id, String orgId, String addon, String name, boolean active) {

}
