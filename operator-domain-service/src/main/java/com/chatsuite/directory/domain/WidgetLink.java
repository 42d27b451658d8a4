package com.chatsuite.directory.domain;

import com.chatsuite.directory.DirectoryProperties;
import com.chatsuite.directory.Tenant;

import org.springframework.stereotype.Component;

/**
 * The snippet a merchant pastes into its pages to embed the seller-buyer widget, loaded
 * through the gateway. Other addons embed their widget differently and get none.
 */
@Component
class WidgetLink {

	private final String gatewayUrl;

	WidgetLink(DirectoryProperties properties) {
		String url = properties.gatewayUrl().toString();
		this.gatewayUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * The snippet for a domain.
	 * @param tenant the tenant
	 * @param domain the domain
	 * @return the snippet, {@code null} outside the seller-buyer addon
	 */
	String forDomain(Tenant tenant, Domain domain) {
		if (!tenant.isSellerBuyer()) {
			return null;
		}
		// Both values are safe in an attribute: the organisation id comes from a signed
		// token and the domain name is a validated host name.
		return "<script async src=\"" + this.gatewayUrl + "/widget/" + Tenant.SELLER_BUYER + ".js\""
				+ " data-organisation=\"" + domain.orgId() + "\" data-domain=\"" + domain.name() + "\"></script>";
	}

}
