package dev.latchkey.kernel.api;

/**
 * A browser-facing failure that must be shown as an HTML error page instead of redirected or
 * answered with JSON, e.g. an authorization request with an unknown {@code client_id} or
 * redirect URI (RFC 6749 §4.1.2.1). {@code messageKey} names a text in the pages' message
 * bundle ({@code error.<messageKey>}); {@code detail} is an English detail for the log.
 */
public class ErrorPageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String messageKey;

    public ErrorPageException(int status, String messageKey, String detail) {
        super(detail);
        this.status = status;
        this.messageKey = messageKey;
    }

    /** The HTTP status of the page. */
    public int status() {
        return status;
    }

    /** The message-bundle key of the text shown to the user. */
    public String messageKey() {
        return messageKey;
    }
}
