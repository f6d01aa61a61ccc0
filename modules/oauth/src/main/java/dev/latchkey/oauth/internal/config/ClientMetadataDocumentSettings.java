package dev.latchkey.oauth.internal.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Client ID Metadata Documents: {@code latchkey.oauth.client-metadata-documents.enabled} (false)
 * lets a client use an https URL as its {@code client_id}, resolved by fetching the JSON document
 * there. {@code ...dev-allow-http-loopback} (false) also accepts {@code http} URLs on
 * {@code 127.0.0.1} or {@code [::1]} and fetches from the loopback interface: for tests and local
 * development only, never in production.
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-oauth-client-id-metadata-document/">draft-ietf-oauth-client-id-metadata-document</a>
 */
@ApplicationScoped
public class ClientMetadataDocumentSettings {

    private boolean enabled;
    private boolean devAllowHttpLoopback;

    @Inject
    public ClientMetadataDocumentSettings(
            @ConfigProperty(name = "latchkey.oauth.client-metadata-documents.enabled") boolean enabled,
            @ConfigProperty(name = "latchkey.oauth.client-metadata-documents.dev-allow-http-loopback")
            boolean devAllowHttpLoopback) {
        this.enabled = enabled;
        this.devAllowHttpLoopback = devAllowHttpLoopback;
    }

    /** For CDI's client proxy only. */
    protected ClientMetadataDocumentSettings() {
    }

    /** Switched off, as by default. */
    public static ClientMetadataDocumentSettings off() {
        return new ClientMetadataDocumentSettings(false, false);
    }

    /** Whether URL client ids are resolved ({@code enabled}, false). */
    public boolean enabled() {
        return enabled;
    }

    /** Whether http loopback URLs are accepted and fetched ({@code dev-allow-http-loopback}, false). */
    public boolean devAllowHttpLoopback() {
        return devAllowHttpLoopback;
    }
}
