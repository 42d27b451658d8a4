package com.chatsuite.auth.apikey;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface ApiKeyRepository extends ReactiveCrudRepository<ApiKey, String> {

	Flux<ApiKey> findByOrgIdOrderByCreatedAt(String orgId);

	Mono<ApiKey> findByIdAndOrgId(String id, String orgId);

	Flux<ApiKey> findByRevokedAtIsNull();

}
