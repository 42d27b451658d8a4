package com.chatsuite.support.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Registers the {@code mongo} health indicator used by the readiness group.
 */
@AutoConfiguration(after = DataMongoReactiveAutoConfiguration.class,
		before = MongoReactiveHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ ReactiveMongoTemplate.class, MongoReactiveHealthContributorAutoConfiguration.class })
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class MongoHealthAutoConfiguration {

	@Bean(name = "mongoHealthIndicator")
	MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
		return new MongoPingHealthIndicator(mongo);
	}

}
