package dev.latchkey.oauth.internal.client;

import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.oauth.internal.protocol.OAuthException;

/**
 * The RFC 7591 §3.2.2 errors of the registration endpoints, as {@link OAuthException}s so they are
 * answered as {@code {"error", "error_description"}} JSON like every OAuth error.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3.2.2">RFC 7591 §3.2.2</a>
 */
public final class RegistrationError {

    public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
    public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
    public static final String UNAPPROVED_SOFTWARE_STATEMENT = "unapproved_software_statement";

    /** The prefix of the client rules' messages about redirect URIs (they name the field first). */
    private static final String REDIRECT_URIS = "redirect_uris";

    private RegistrationError() {
    }

    /** 400 {@code invalid_client_metadata}: a field's value is invalid or cannot be honoured. */
    public static OAuthException invalidMetadata(String description) {
        return new OAuthException(INVALID_CLIENT_METADATA, description, 400, null);
    }

    /** 400 {@code unapproved_software_statement}: Latchkey approves no software statements. */
    public static OAuthException unapprovedSoftwareStatement() {
        return new OAuthException(UNAPPROVED_SOFTWARE_STATEMENT,
                "software_statement is not supported: register the metadata itself", 400, null);
    }

    /**
     * A refusal of the client rules ({@code ClientValidator}, {@code ClientMetadataValidator}) as a
     * registration error: {@code invalid_redirect_uri} when it is about {@code redirect_uris},
     * {@code invalid_client_metadata} otherwise, with the rule's message as the description.
     */
    public static OAuthException of(ProblemException refused) {
        String detail = refused.detail();
        return new OAuthException(detail.startsWith(REDIRECT_URIS) ? INVALID_REDIRECT_URI : INVALID_CLIENT_METADATA,
                detail, 400, null);
    }
}
