package com.chatsuite.partner.catalogue;

import java.util.List;

import com.chatsuite.partner.PartnerProperties;
import com.chatsuite.partner.PartnerProperties.Addon;
import com.chatsuite.partner.PartnerProperties.Plan;
import com.chatsuite.partner.PartnerProperties.Template;
import com.chatsuite.support.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * The plans, addons and templates partners sell, from configuration.
 */
@Component
public class Catalogue {

	private final PartnerProperties properties;

	Catalogue(PartnerProperties properties) {
		this.properties = properties;
	}

	/**
	 * A plan by id.
	 * @param id the plan id
	 * @param field the request field it came in
	 * @return the plan; 404 naming the field when there is none
	 */
	public Plan plan(String id, String field) {
		return this.properties.plans()
			.stream()
			.filter((plan) -> plan.id().equals(id))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound(field, "plan '" + id + "' does not exist"));
	}

	/**
	 * An addon by id.
	 * @param id the addon's unique name
	 * @param field the request field it came in
	 * @return the addon; 404 naming the field when there is none
	 */
	public Addon addon(String id, String field) {
		return this.properties.addons()
			.stream()
			.filter((addon) -> addon.id().equals(id))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound(field, "addon '" + id + "' does not exist"));
	}

	/**
	 * A template by id.
	 * @param id the template id
	 * @param field the request field it came in
	 * @return the template; 404 naming the field when there is none
	 */
	public Template template(String id, String field) {
		return this.properties.templates()
			.stream()
			.filter((template) -> template.id().equals(id))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound(field, "template '" + id + "' does not exist"));
	}

	List<Plan> plans() {
		return this.properties.plans();
	}

	List<Addon> addons() {
		return this.properties.addons();
	}

	List<Template> templates() {
		return this.properties.templates();
	}

}
