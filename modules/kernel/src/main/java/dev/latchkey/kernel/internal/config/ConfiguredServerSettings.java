package dev.latchkey.kernel.internal.config;

import dev.latchkey.kernel.api.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@link ServerSettings} read from MicroProfile Config ({@code LATCHKEY_PUBLIC_URL}, the data directory). */
@ApplicationScoped
class ConfiguredServerSettings implements ServerSettings {

    private final URI publicUrl;
    private final Path dataDirectory;

    @Inject
    ConfiguredServerSettings(@ConfigProperty(name = "latchkey.public-url") String publicUrl,
                             @ConfigProperty(name = "latchkey.data-dir") String dataDirectory) {
        this.publicUrl = URI.create(stripTrailingSlash(publicUrl.trim()));
        this.dataDirectory = Path.of(dataDirectory);
    }

    /** For CDI's client proxy only. */
    ConfiguredServerSettings() {
        this.publicUrl = null;
        this.dataDirectory = null;
    }

    static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public URI publicUrl() {
        return publicUrl;
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }
}
