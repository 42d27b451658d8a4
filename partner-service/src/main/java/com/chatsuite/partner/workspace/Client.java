package com.chatsuite.partner.workspace;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner's client: a person, by email, owning one or more workspaces. The password
 * hash is the one every organisation of the client's workspaces starts with.
 *
 * @param id the client id
 * @param partnerId the partner
 * @param email the email, lower case, unique per partner
 * @param name the client's name
 * @param passwordHash a BCrypt hash of the password, never the password
 * @param createdAt when the client was created
 */
@Document("clients")
@CompoundIndex(name = "partner_email", def = "{'partnerId': 1, 'email': 1}", unique = true)
record Client(@Id String id, String partnerId, String email, String name, String passwordHash, Instant createdAt) {

}
