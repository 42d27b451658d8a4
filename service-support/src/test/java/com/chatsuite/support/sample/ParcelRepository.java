package com.chatsuite.support.sample;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface ParcelRepository extends ReactiveCrudRepository<Parcel, String> {

}
