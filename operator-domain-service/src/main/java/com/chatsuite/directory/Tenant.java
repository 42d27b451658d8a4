package com.chatsuite.directory;

import java.util.Objects;

/**
 * Whose data a request may see and change: one organisation and one of its addons, as
 * named by the caller's verified addon access token. Operators, domains and assignments
 * never cross this boundary.
 *
 * @param orgId the organisation id
 * @param addon the addon unique name
 */
public record Tenant(String orgId, String addon) {

	/** The addon whose assignments carry a {@code unique_id} and a {@code status}. */
	public static final String SELLER_BUYER = "seller_buyer_chat_system";

	public Tenant {
		Objects.requireNonNull(orgId, "orgId");
		Objects.requireNonNull(addon, "addon");
	}

	/**
	 * Tells whether this is the seller-buyer addon, the only one with product-page
	 * assignments ({@code unique_id}) that can be switched off ({@code status}).
	 * @return whether the addon is {@value #SELLER_BUYER}
	 */
	public boolean isSellerBuyer() {
		return SELLER_BUYER.equals(this.addon);
	}

}
