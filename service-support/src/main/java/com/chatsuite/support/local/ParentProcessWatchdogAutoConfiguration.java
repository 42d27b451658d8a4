package com.chatsuite.support.local;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * When the local launcher starts an application it passes its own process id; the
 * application then stops itself as soon as the launcher is gone, even if the launcher was
 * killed without a chance to stop its children.
 */
@AutoConfiguration
@ConditionalOnProperty("suite.parent-pid")
public class ParentProcessWatchdogAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ParentProcessWatchdogAutoConfiguration.class);

	@Bean
	ApplicationListener<ApplicationReadyEvent> parentProcessWatchdog(
			org.springframework.core.env.Environment environment) {
		long parentPid = environment.getRequiredProperty("suite.parent-pid", Long.class);
		return (event) -> ProcessHandle.of(parentPid)
			.map(ProcessHandle::onExit)
			.ifPresentOrElse((exit) -> exit.thenRun(() -> stop(event.getApplicationContext(), parentPid)),
					() -> stop(event.getApplicationContext(), parentPid));
	}

	private static void stop(ConfigurableApplicationContext context, long parentPid) {
		logger.warn("Launcher process " + parentPid + " is gone; stopping");
		System.exit(SpringApplication.exit(context));
	}

}
