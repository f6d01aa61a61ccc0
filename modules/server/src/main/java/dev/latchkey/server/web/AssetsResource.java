package dev.latchkey.server.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pages' stylesheet and logo. An operator rebrands by putting files of the same names in
 * {@code LATCHKEY_THEME_DIR/assets}; those win over the bundled ones.
 */
@Path("/assets/{name}")
@ApplicationScoped
@Tag(name = "Pages")
public class AssetsResource {

    private static final Map<String, String> TYPES = Map.of(
            "latchkey.css", "text/css; charset=utf-8",
            "logo.svg", "image/svg+xml",
            "form-post.js", "text/javascript; charset=utf-8");

    @Inject
    @ConfigProperty(name = "latchkey.theme.dir")
    Optional<String> themeDirectory;

    @GET
    @Operation(summary = "A stylesheet or image of the pages' theme")
    public Response asset(@PathParam("name") String name) {
        String type = TYPES.get(name);
        if (type == null) {
            throw new NotFoundException();
        }
        return Response.ok(read(name), type).header("Cache-Control", "public, max-age=3600").build();
    }

    private byte[] read(String name) {
        try {
            if (themeDirectory.filter(dir -> !dir.isBlank()).isPresent()) {
                java.nio.file.Path override = Paths.get(themeDirectory.get(), "assets", name);
                if (Files.isRegularFile(override)) {
                    return Files.readAllBytes(override);
                }
            }
            try (InputStream bundled = AssetsResource.class.getClassLoader().getResourceAsStream("assets/" + name)) {
                if (bundled == null) {
                    throw new NotFoundException();
                }
                return bundled.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
