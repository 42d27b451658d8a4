package com.chatsuite.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A {@link MutableClock} as the application's clock, for a test class that moves time
 * instead of waiting (import it; the context is then one of that class's own).
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClockConfiguration {

	@Bean
	MutableClock clock() {
		return MutableClock.startingNow();
	}

}
