package com.chatsuite.gateway;

import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login of the addon API is a GET with the password in its query: even with Spring's
 * loggers at DEBUG, the gateway writes no request URL with its query to the log.
 */
@SuiteIntegrationTest(properties = "logging.level.org.springframework=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class SensitiveLoggingIntegrationTests extends StubbedGatewayTest {

	@Test
	void passwordInTheLoginQueryNeverReachesTheLog(CapturedOutput output) {
		routed(this.web.get()
			.uri("/admin/access-token?email=owner@demo.example&password=Not-For-Logs-7&organisation_domain=demo"
					+ "&addon_unique_name=livechat")
			.exchange());
		assertThat(output.getAll()).as("DEBUG logging is on").contains("DEBUG");
		assertThat(output.getAll()).doesNotContain("Not-For-Logs-7");
	}

}
