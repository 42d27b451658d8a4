package com.chatsuite.auth.organisation;

import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface OrganisationRepository extends ReactiveCrudRepository<Organisation, String> {

	Mono<Organisation> findByOrganisationDomain(String organisationDomain);

}
