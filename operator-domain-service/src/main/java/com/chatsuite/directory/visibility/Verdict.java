package com.chatsuite.directory.visibility;

/**
 * Whether the widget shows on a domain and, when not, which rule failed first.
 *
 * @param rule the first unmet rule, {@code null} when the widget is visible
 * @param reason the unmet rule in words, {@code null} when the widget is visible
 */
record Verdict(Rule rule, String reason) {

	static final Verdict VISIBLE = new Verdict(null, null);

	static Verdict unmet(Rule rule, String reason) {
		return new Verdict(rule, reason);
	}

	boolean visible() {
		return this.rule == null;
	}

	/**
	 * The visibility rules, in the order they are checked.
	 */
	enum Rule {

		/** The domain is registered in the caller's organisation and addon. */
		DOMAIN_EXISTS,

		/** The domain is active. */
		DOMAIN_ACTIVE,

		/** The domain's organisation is active. */
		ORGANISATION_ACTIVE,

		/** The organisation has the addon installed. */
		ADDON_INSTALLED,

		/** The organisation's partner workspace, if it has one, is not paused. */
		WORKSPACE_ACTIVE,

		/** Some operator is assigned to the domain. */
		OPERATOR_ASSIGNED,

		/** ... who is active in the addon. */
		OPERATOR_ACTIVE,

		/** ... whose assignment has {@code status} true (seller-buyer addon only). */
		ASSIGNMENT_ENABLED,

		/** ... whose assignment has {@code online_status} true. */
		ONLINE_STATUS,

		/** ... and who is online. */
		OPERATOR_ONLINE

	}

}
