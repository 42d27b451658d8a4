package com.chatsuite.directory.operator;

import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/**
 * Operators by id and by their unique email within an organisation.
 */
interface OperatorRepository extends ReactiveCrudRepository<Operator, String> {

	Mono<Operator> findByOrgIdAndEmail(String orgId, String email);

}
