package dev.latchkey.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The one JAX-RS application. Protocol endpoints sit at the root ({@code /authorize},
 * {@code /token}, {@code /.well-known/...}); the REST API under {@code /api/v1}. Resources that
 * carry {@code @RolesAllowed} require a bearer access token issued by Latchkey itself (MP JWT).
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "latchkey")
public class LatchkeyApplication extends Application {
}
