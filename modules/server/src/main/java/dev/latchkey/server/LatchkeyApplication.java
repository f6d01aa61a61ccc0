package dev.latchkey.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The one JAX-RS application. Protocol endpoints sit at the root ({@code /authorize},
 * {@code /token}, {@code /.well-known/...}); the REST API under {@code /api/v1}. Resources that
 * carry {@code @RolesAllowed} require a bearer access token issued by Latchkey itself (MP JWT).
 */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "Latchkey", version = "0.1.0",
        description = "OpenID Connect provider and OAuth 2.x authorization server: protocol endpoints and REST API"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token issued by this Latchkey; admin endpoints need the role admin (groups claim)")
@LoginConfig(authMethod = "MP-JWT", realmName = "latchkey")
public class LatchkeyApplication extends Application {
}
