package com.chatsuite.ticket;

import com.chatsuite.testsupport.MutableClock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tests' clock, moved forward by auto-close and idle tests instead of waiting. Every
 * integration test shares it with the one application context they share.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

	@Bean
	MutableClock clock() {
		return MutableClock.startingNow();
	}

}
