package dev.latchkey.oauth.internal.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a Client ID Metadata Document defensively, since the URL comes from anyone who sends
 * a browser to {@code /authorize}: a GET with a {@value #TIMEOUT_SECONDS}-second timeout, no
 * redirects, a {@code 200} {@code application/json} answer of at most {@value #MAX_BYTES} bytes,
 * and only from a host whose every address is public (never loopback, private, link-local,
 * unique-local, CGNAT, multicast or unspecified; loopback only in the dev mode). How long the
 * document may be kept follows its {@code Cache-Control max-age}, bounded to
 * {@link #MIN_TTL}..{@link #MAX_TTL} ({@link #DEFAULT_TTL} without one; {@code no-store} and
 * {@code no-cache} count as the minimum).
 *
 * <p>The address check happens before the connection, which resolves the name again: a DNS
 * server that answers differently the second time (rebinding) is not stopped by it.
 */
@ApplicationScoped
public class MetadataDocumentFetcher {

    static final int MAX_BYTES = 5 * 1024;
    static final int TIMEOUT_SECONDS = 3;
    static final Duration MIN_TTL = Duration.ofMinutes(1);
    static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final Duration MAX_TTL = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(MetadataDocumentFetcher.class.getName());
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*max-age\\s*=\\s*\"?(\\d{1,10})\"?\\s*(?:,|$)");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS))
            .build();

    /** A fetched document and how long it may be kept. */
    public record Fetched(String body, Duration maxAge) {
    }

    /** The document at {@code url}, or empty (with the reason logged) when it cannot be had safely. */
    public Optional<Fetched> fetch(URI url, boolean allowLoopback) {
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (!isAllowed(address, allowLoopback)) {
                    return refused(url, "it resolves to the non-public address " + address.getHostAddress());
                }
            }
            HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                    .header("Accept", "application/json").build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return refused(url, "it answered " + response.statusCode());
                }
                String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (!type.startsWith("application/json")) {
                    return refused(url, "its Content-Type is not application/json");
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    return refused(url, "it is larger than " + MAX_BYTES + " bytes");
                }
                return Optional.of(new Fetched(new String(bytes, StandardCharsets.UTF_8),
                        maxAge(response.headers().firstValue("Cache-Control").orElse(null))));
            }
        } catch (UnknownHostException e) {
            return refused(url, "its host is unknown");
        } catch (IOException e) {
            return refused(url, "fetching it failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused(url, "the fetch was interrupted");
        }
    }

    private static Optional<Fetched> refused(URI url, String reason) {
        LOG.info(() -> "Client ID Metadata Document " + url + " refused: " + reason);
        return Optional.empty();
    }

    /** How long a document with this {@code Cache-Control} value may be kept. */
    static Duration maxAge(String cacheControl) {
        if (cacheControl == null) {
            return DEFAULT_TTL;
        }
        String directives = cacheControl.toLowerCase(Locale.ROOT);
        if (directives.contains("no-store") || directives.contains("no-cache")) {
            return MIN_TTL;
        }
        Matcher maxAge = MAX_AGE.matcher(directives);
        if (!maxAge.find()) {
            return DEFAULT_TTL;
        }
        Duration given = Duration.ofSeconds(Long.parseLong(maxAge.group(1)));
        return given.compareTo(MIN_TTL) < 0 ? MIN_TTL : given.compareTo(MAX_TTL) > 0 ? MAX_TTL : given;
    }

    /**
     * Whether every address of {@code host} is public (loopback too when {@code allowLoopback});
     * false when the name does not resolve. The guard of every URL a registrant gives the server
     * to call: {@code jwks_uri}, {@code backchannel_logout_uri}.
     */
    public static boolean isPublicHost(String host, boolean allowLoopback) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isAllowed(address, allowLoopback)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Whether a document may be fetched from {@code address}: a public address (loopback only when
     * {@code allowLoopback}). Also the rule of {@code JwksFetcher}.
     */
    public static boolean isAllowed(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierGradeNat = address instanceof Inet4Address && (bytes[0] & 0xff) == 100
                && (bytes[1] & 0xc0) == 64;
        boolean thisNetwork = address instanceof Inet4Address && bytes[0] == 0;
        return !(address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || uniqueLocal || carrierGradeNat || thisNetwork);
    }
}
