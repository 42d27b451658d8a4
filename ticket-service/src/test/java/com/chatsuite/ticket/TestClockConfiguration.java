package com.chatsuite.ticket;

import com.chatsuite.testsupport.MutableClock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tests' clock, moved forward by auto-close and idle tests instead of waiting. Every
 * integration test shares it with the one application context they share, and a second
 * replica started in the same JVM shares it too.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

	private static final MutableClock CLOCK = MutableClock.startingNow();

	@Bean
	MutableClock clock() {
		return CLOCK;
	}

}
