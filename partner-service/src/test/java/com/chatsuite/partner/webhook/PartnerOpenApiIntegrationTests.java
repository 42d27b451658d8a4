package com.chatsuite.partner;

import com.chatsuite.testsupport.OpenApiAssertions;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The published OpenAPI document describes exactly the partner API the service maps.
 */
@SuiteIntegrationTest
class PartnerOpenApiIntegrationTests extends PartnerIntegrationTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void documentDescribesEveryEndpoint() {
		OpenApiAssertions.assertDocumentsEveryEndpoint(this.web, this.context);
	}

}
