package com.chatsuite.chatroom.qr;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A QR code's id: printed on a poster or a product, it opens a public room of its
 * organisation. Unique across organisations.
 *
 * @param id the 12-character id
 * @param orgId the organisation that owns it
 * @param createdAt when it was created
 */
@Document("qr_ids")
record QrId(@Id String id, String orgId, Instant createdAt) {

}
