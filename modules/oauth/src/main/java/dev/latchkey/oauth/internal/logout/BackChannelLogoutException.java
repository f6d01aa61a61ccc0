package dev.latchkey.oauth.internal.logout;

/** A logout token was not delivered: the client answered no 2xx or could not be reached. */
public class BackChannelLogoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackChannelLogoutException(String reason) {
        super(reason);
    }
}
