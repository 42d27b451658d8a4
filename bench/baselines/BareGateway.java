package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Reference point of bench/gateway-bench.sh (BASELINES=1): Spring Cloud Gateway with its
 * defaults and one route to the upstream, none of the suite's filters, no token check, no
 * circuit breaker. What the framework costs before the gateway does any of its own work.
 *
 * Properties: --bench.upstream (the upstream base URL), --server.port.
 */
@SpringBootApplication
public class BareGateway {

	public static void main(String[] args) {
		SpringApplication.run(BareGateway.class, args);
	}

	@Bean
	RouteLocator routes(RouteLocatorBuilder routes, org.springframework.core.env.Environment environment) {
		String upstream = environment.getRequiredProperty("bench.upstream");
		return routes.routes().route("upstream", (route) -> route.path("/**").uri(upstream)).build();
	}

}
