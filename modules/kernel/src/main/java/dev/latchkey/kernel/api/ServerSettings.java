package dev.latchkey.kernel.api;

import java.net.URI;
import java.nio.file.Path;

/**
 * Settings every module needs: where the server is reached from outside (the issuer) and
 * where the embedded default keeps its files.
 */
public interface ServerSettings {

    /** {@code LATCHKEY_PUBLIC_URL} without a trailing slash: the issuer and the base of every link. */
    URI publicUrl();

    /** The issuer identifier as a string, identical to {@link #publicUrl()}. */
    default String issuer() {
        return publicUrl().toString();
    }

    /** The data directory of the embedded default ({@code ./data} when run from the repository). */
    Path dataDirectory();

    /** True when the public URL is https: cookies get {@code Secure}, responses HSTS. */
    default boolean isHttps() {
        return "https".equalsIgnoreCase(publicUrl().getScheme());
    }
}
