// Swagger UI (vendored) on this server's schema. No validator badge: it would call out to
// validator.swagger.io, and the page must work offline.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  deepLinking: true,
  validatorUrl: null,
});
