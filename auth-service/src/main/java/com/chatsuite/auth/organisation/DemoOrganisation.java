package com.chatsuite.auth.organisation;

import java.time.Duration;

import com.chatsuite.auth.AuthProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates the demo organisation of the local run (SPEC section 8) if it is absent, before
 * the application reports ready.
 */
@Component
@ConditionalOnProperty(name = "suite.auth.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoOrganisation.class);

	private final OrganisationService organisations;

	private final AuthProperties.Demo demo;

	private final AuthProperties properties;

	DemoOrganisation(OrganisationService organisations, AuthProperties properties) {
		this.organisations = organisations;
		this.demo = properties.demo();
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.demo.password().isBlank()) {
			throw new IllegalStateException(
					"suite.auth.demo.password must be set when the demo organisation is enabled");
		}
		this.organisations.findByDomain(this.demo.organisationDomain())
			.switchIfEmpty(Mono.defer(() -> this.organisations
				.create(this.demo.organisationDomain(), this.demo.email(), this.demo.password(),
						this.properties.addons())
				.doOnNext(
						(created) -> logger.info("Created demo organisation '" + created.organisationDomain() + "'"))))
			.block(Duration.ofSeconds(30)); // allowed: start-up on the main thread,
											// before readiness
	}

}
