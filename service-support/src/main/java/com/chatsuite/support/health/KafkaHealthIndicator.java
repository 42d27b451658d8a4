package com.chatsuite.support.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports Kafka UP when the cluster answers a metadata request within two seconds. One
 * admin client is kept for the life of the application.
 */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final KafkaAdmin admin;

	private volatile AdminClient client;

	public KafkaHealthIndicator(KafkaAdmin admin) {
		super("Kafka health check failed");
		this.admin = admin;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		DescribeClusterResult cluster = client()
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
		Mono<String> clusterId = Mono.fromCompletionStage(cluster.clusterId().toCompletionStage());
		Mono<Integer> nodes = Mono.fromCompletionStage(cluster.nodes().toCompletionStage()).map((n) -> n.size());
		return Mono.zip(clusterId, nodes)
			.timeout(TIMEOUT)
			.map((result) -> builder.up()
				.withDetail("clusterId", result.getT1())
				.withDetail("nodes", result.getT2())
				.build());
	}

	private AdminClient client() {
		AdminClient current = this.client;
		if (current == null) {
			synchronized (this) {
				current = this.client;
				if (current == null) {
					Map<String, Object> config = new HashMap<>(this.admin.getConfigurationProperties());
					config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
					config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
					config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
					current = AdminClient.create(config);
					this.client = current;
				}
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		AdminClient current = this.client;
		if (current != null) {
			current.close(Duration.ofSeconds(1));
		}
	}

}
