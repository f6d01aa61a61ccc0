package dev.latchkey.oauth.internal.clientkeys;

import com.nimbusds.jose.jwk.JWKSet;
import dev.latchkey.oauth.internal.client.MetadataDocumentFetcher;
import dev.latchkey.oauth.internal.protocol.OutboundHttp;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches a client's JWK Set from its {@code jwks_uri}: https only, from public addresses only
 * (never loopback, private, link-local: a registrant cannot make the server call into its own
 * network; DNS rebinding between the check and the connection is not prevented), no redirects, a
 * {@value #TIMEOUT_SECONDS}-second timeout and at most {@value #MAX_BYTES} bytes, public keys
 * only. Every failure is an empty answer (logged), never an exception: the caller refuses the
 * signature it could not check.
 *
 * <p>The scheme policy is the constructor's: the server's bean accepts https only; tests build
 * one that also accepts plain http to a loopback address, so that they can serve keys from a
 * real HTTP server on 127.0.0.1 without certificates. No setting turns that on in a deployment.
 *
 * @see <a href="https://openid.net/specs/openid-connect-registration-1_0.html#ClientMetadata">OIDC Registration §2 jwks_uri</a>
 */
@ApplicationScoped
public class JwksFetcher {

    static final int MAX_BYTES = 64 * 1024;
    static final int TIMEOUT_SECONDS = 3;
    private static final Logger LOG = Logger.getLogger(JwksFetcher.class.getName());

    private final OutboundHttp http = new OutboundHttp(Duration.ofSeconds(TIMEOUT_SECONDS));
    private boolean loopbackHttpAllowed;

    /** The server's fetcher: https only. */
    public JwksFetcher() {
        this(false);
    }

    /** A fetcher that, when {@code loopbackHttpAllowed}, also fetches http URIs of loopback hosts. */
    public JwksFetcher(boolean loopbackHttpAllowed) {
        this.loopbackHttpAllowed = loopbackHttpAllowed;
    }

    /** The public keys at {@code uri}; empty when the URI is not allowed or the fetch fails. */
    public Optional<JWKSet> fetch(URI uri) {
        if (!allowed(uri)) {
            LOG.warning(() -> "Not fetching client keys from " + uri + ": https only");
            return Optional.empty();
        }
        if (!MetadataDocumentFetcher.isPublicHost(uri.getHost(), loopbackHttpAllowed)) {
            // no requests into the server's own network on a registrant's behalf (SSRF)
            LOG.warning(() -> "Not fetching client keys from " + uri + ": the host is not a public address");
            return Optional.empty();
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = http.client().sendAsync(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .header("Accept", "application/json, application/jwk-set+json")
                .GET().build(), LimitedBody.handler(MAX_BYTES));
        try {
            // the timeout bounds the whole exchange, body included, not only the wait for headers
            HttpResponse<byte[]> response = exchange.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (response.statusCode() != 200) {
                LOG.info(() -> "Client keys at " + uri + " answered " + response.statusCode());
                return Optional.empty();
            }
            // public keys only: a private part in the document is dropped, never used
            return Optional.of(JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8)).toPublicJWKSet());
        } catch (ExecutionException | TimeoutException | ParseException e) {
            exchange.cancel(true);
            LOG.log(Level.INFO, "Client keys at " + uri + " could not be read: " + e);
            return Optional.empty();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private boolean allowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            return false;
        }
        if (scheme.equals("https")) {
            return true;
        }
        return loopbackHttpAllowed && scheme.equals("http") && isLoopback(uri.getHost());
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
