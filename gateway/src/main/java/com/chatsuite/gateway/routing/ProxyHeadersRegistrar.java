package com.chatsuite.gateway.routing;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Puts {@link ProxyHeadersFilter} in place of the header filters of Spring Cloud Gateway
 * whose work it does in one pass, keeping their configuration: {@code Forwarded} and
 * {@code X-Forwarded-*} are removed only where Spring Cloud Gateway would have removed
 * them (no {@code spring.cloud.gateway.server.webflux.trusted-proxies}). Filters it does
 * not know stay; were one of these renamed, it would simply run as well.
 */
class ProxyHeadersRegistrar implements BeanDefinitionRegistryPostProcessor {

	static final String HOP_BY_HOP = "removeHopByHopHeadersFilter";

	static final String TRANSFER_ENCODING = "transferEncodingNormalizationHeadersFilter";

	static final String REMOVE_FORWARDED = "removeForwardedHeadersFilter";

	static final String REMOVE_X_FORWARDED = "removeXForwardedHeadersFilter";

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		boolean stripForwarded = remove(registry, REMOVE_FORWARDED);
		boolean stripXForwarded = remove(registry, REMOVE_X_FORWARDED);
		remove(registry, HOP_BY_HOP);
		remove(registry, TRANSFER_ENCODING);
		registry.registerBeanDefinition("proxyRequestHeadersFilter", new RootBeanDefinition(ProxyHeadersFilter.class,
				() -> ProxyHeadersFilter.forRequests(stripForwarded, stripXForwarded)));
		registry.registerBeanDefinition("proxyResponseHeadersFilter",
				new RootBeanDefinition(ProxyHeadersFilter.class, ProxyHeadersFilter::forResponses));
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

	private static boolean remove(BeanDefinitionRegistry registry, String name) {
		if (!registry.containsBeanDefinition(name)) {
			return false;
		}
		registry.removeBeanDefinition(name);
		return true;
	}

}
