package com.chatsuite.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application context under test at the shared test infrastructure, and gives
 * its {@code WebTestClient} a connection per request ({@link TestWebClients}).
 */
public class SuiteInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = Map.of("spring.mongodb.uri", SuiteInfrastructure.mongoUri(),
				"spring.kafka.bootstrap-servers", SuiteInfrastructure.kafkaBootstrapServers());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("suiteInfrastructure", properties));
		context.getBeanFactory().registerSingleton("suiteWebTestClientConnection", TestWebClients.unpooled());
	}

}
