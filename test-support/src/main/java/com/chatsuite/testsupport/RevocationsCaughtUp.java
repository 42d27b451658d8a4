package com.chatsuite.testsupport;

import java.lang.reflect.Method;
import java.time.Duration;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import static org.awaitility.Awaitility.await;

/**
 * Before a test runs, waits until its application has read {@code auth.revocations} to
 * the end it had at start (the application reports not ready, and tokens wait to be
 * checked, until then), so that no test sees a start-up that is still under way.
 */
public class RevocationsCaughtUp implements TestExecutionListener, Ordered {

	private static final String BEAN = "revocationList";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void prepareTestInstance(TestContext testContext) throws Exception {
		ApplicationContext context = testContext.getApplicationContext();
		if (!context.containsBean(BEAN)) {
			return;
		}
		Object list = context.getBean(BEAN);
		Method caughtUp = list.getClass().getMethod("isCaughtUp");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> (Boolean) caughtUp.invoke(list));
	}

}
