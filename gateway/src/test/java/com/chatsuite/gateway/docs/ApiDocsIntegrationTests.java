package com.chatsuite.gateway.docs;

import com.chatsuite.gateway.StubbedGatewayTest;
import com.chatsuite.gateway.support.Echo;
import com.chatsuite.testsupport.SuiteIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

import static org.assertj.core.api.Assertions.assertThat;

@SuiteIntegrationTest
class ApiDocsIntegrationTests extends StubbedGatewayTest {

	@Test
	void eachServicesDocumentIsFetchedFromItWithoutAToken() {
		Echo auth = routed(this.web.get().uri("/v3/api-docs/auth-service").exchange());
		assertThat(auth.service()).isEqualTo("auth-service");
		assertThat(auth.uri()).isEqualTo("/v3/api-docs");
		assertThat(auth.header(HttpHeaders.AUTHORIZATION)).isEmpty();
		Echo directory = routed(this.web.get().uri("/v3/api-docs/operator-domain-service").exchange());
		assertThat(directory.service()).isEqualTo("operator-domain-service");
		assertThat(directory.uri()).isEqualTo("/v3/api-docs");
		Echo partner = routed(this.web.get().uri("/v3/api-docs/partner-service").exchange());
		assertThat(partner.service()).isEqualTo("partner-service");
		assertThat(partner.uri()).isEqualTo("/v3/api-docs");
		Echo tickets = routed(this.web.get().uri("/v3/api-docs/ticket-service").exchange());
		assertThat(tickets.service()).isEqualTo("ticket-service");
		Echo rooms = routed(this.web.get().uri("/v3/api-docs/chat-room-service").exchange());
		assertThat(rooms.service()).isEqualTo("chat-room-service");
		assertThat(rooms.uri()).isEqualTo("/v3/api-docs");
	}

	@Test
	void swaggerUiListsThePublishedDocuments() {
		this.web.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk().expectBody().json("""
				{"urls": [{"name": "auth-service", "url": "../v3/api-docs/auth-service"},
				          {"name": "operator-domain-service", "url": "../v3/api-docs/operator-domain-service"},
				          {"name": "partner-service", "url": "../v3/api-docs/partner-service"},
				          {"name": "ticket-service", "url": "../v3/api-docs/ticket-service"},
				          {"name": "chat-room-service", "url": "../v3/api-docs/chat-room-service"}],
				 "urls.primaryName": "auth-service"}""", JsonCompareMode.STRICT);
	}

	@Test
	void docsPageLoadsSwaggerUiFromTheGateway() {
		this.web.get()
			.uri("/docs")
			.exchange()
			.expectStatus()
			.isTemporaryRedirect()
			.expectHeader()
			.location("/docs/index.html");
		String page = this.web.get()
			.uri("/docs/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("../webjars/swagger-ui/swagger-ui-bundle.js", "docs.js");
		this.web.get().uri("/docs/docs.js").exchange().expectStatus().isOk();
		this.web.get().uri("/webjars/swagger-ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();
		this.web.get().uri("/webjars/swagger-ui/swagger-ui.css").exchange().expectStatus().isOk();
	}

	@Test
	void aServiceWithoutDocumentIsNotFound() {
		this.web.get().uri("/v3/api-docs/billing-service").exchange().expectStatus().isNotFound();
	}

}
