package dev.latchkey.kernel.api;

import java.net.URI;

/**
 * A failure of a REST API call that becomes an RFC 9457 {@code application/problem+json}
 * response. Each module names its problem types in its own {@code Problems} class.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a>
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final URI type;
    private final String title;

    public ProblemException(int status, URI type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** A URI naming the kind of problem. */
    public URI type() {
        return type;
    }

    /** A short summary that is the same for every occurrence of this type. */
    public String title() {
        return title;
    }

    /** What went wrong this time, for a person; never a stack trace. */
    public String detail() {
        return getMessage();
    }
}
