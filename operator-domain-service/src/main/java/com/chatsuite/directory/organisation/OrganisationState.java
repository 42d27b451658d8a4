package com.chatsuite.directory.organisation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Whether an organisation is active, projected from auth-service's
 * {@code organisation-disabled} and {@code organisation-enabled} events (auth-service
 * owns organisations). An organisation never heard of is active.
 *
 * @param id the organisation id
 * @param active whether it is active
 * @param changedAt when its status last changed, so an older event never overwrites a
 * newer one
 */
@Document("organisation_states")
record OrganisationState(@Id String id, boolean active, Instant changedAt) {

}
