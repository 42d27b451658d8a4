package com.chatsuite.partner;

import com.chatsuite.testsupport.MutableClock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tests' clock, moved forward by renewal and webhook retry tests instead of waiting.
 * Every integration test shares it with the one application context they share.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

	private static final MutableClock CLOCK = MutableClock.startingNow();

	@Bean
	MutableClock clock() {
		return CLOCK;
	}

}
