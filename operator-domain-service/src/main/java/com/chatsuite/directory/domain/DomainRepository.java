package com.chatsuite.directory.domain;

import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/**
 * Domains by id and by their unique name within an organisation and addon.
 */
interface DomainRepository extends ReactiveCrudRepository<Domain, String> {

	/**
	 * Exactly the keys of the unique index, so even the embedded store answers it from
	 * the index.
	 */
	Mono<Domain> findByOrgIdAndAddonAndName(String orgId, String addon, String name);

}
