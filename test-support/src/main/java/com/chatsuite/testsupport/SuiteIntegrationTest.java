package com.chatsuite.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * A whole application on a random port, over the real MongoDB and Kafka of
 * {@link SuiteInfrastructure}, with a {@code WebTestClient} bound to it. The client waits
 * up to 30 s for an answer: on a loaded 2-core CI machine a first call that generates a
 * signing key or warms up a whole context can take longer than the default 5 s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@ContextConfiguration(initializers = SuiteInfrastructureInitializer.class)
@TestExecutionListeners(listeners = RevocationsCaughtUp.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface SuiteIntegrationTest {

	/**
	 * The application to start, when it is not found by searching the test's packages.
	 * @return the configuration classes
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "classes")
	Class<?>[] classes() default {};

	/**
	 * Extra properties for this test's application context.
	 * @return {@code key=value} pairs
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

}
