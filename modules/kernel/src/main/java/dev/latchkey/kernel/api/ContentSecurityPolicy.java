package dev.latchkey.kernel.api;

import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of the server's pages: nothing but the server's own styles, scripts
 * and images. A page that must show one image from elsewhere (the consent page: a client's logo)
 * sets {@link #allowingImage} as its header; the security-headers filter keeps a policy a page set.
 */
public final class ContentSecurityPolicy {

    /** The policy of every HTML page. */
    public static final String PAGES = policy("");

    /** An https URI fit to be a source expression: no whitespace, quotes, comma or semicolon. */
    private static final Pattern SOURCE_URI = Pattern.compile("https://[\\x21\\x23-\\x26\\x28-\\x2B\\x2D-\\x3A\\x3C-\\x7E]+");

    private ContentSecurityPolicy() {
    }

    /** True when {@code uri} can be allowed as an image source. */
    public static boolean isAllowableImage(String uri) {
        return uri != null && SOURCE_URI.matcher(uri).matches();
    }

    /** {@link #PAGES} that also allows the image at {@code uri}, which {@link #isAllowableImage} accepted. */
    public static String allowingImage(String uri) {
        if (!isAllowableImage(uri)) {
            throw new IllegalArgumentException("not an image source a policy can name: " + uri);
        }
        return policy(" " + uri);
    }

    private static String policy(String moreImages) {
        return "default-src 'none'; style-src 'self'; img-src 'self' data:" + moreImages + "; "
                + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    }
}
