package com.chatsuite.directory.operator;

import java.time.Instant;

/**
 * A person's role as operator in one addon of their organisation.
 *
 * @param addon the addon unique name
 * @param active whether they take chats in that addon (the API's status 1 or 0)
 * @param changedAt when they joined the addon or their status last changed
 */
public record AddonMembership(String addon, boolean active, Instant changedAt) {

}
