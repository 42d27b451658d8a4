// Swagger UI over every service's OpenAPI document, as listed by the gateway.
window.addEventListener('load', () => {
	window.ui = SwaggerUIBundle({
		configUrl: '../v3/api-docs/swagger-config',
		dom_id: '#swagger-ui',
		presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
		layout: 'StandaloneLayout',
		deepLinking: true
	});
});
