package dev.latchkey.oauth.internal.logout;

import dev.latchkey.oauth.internal.protocol.OutboundHttp;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The HTTP adapter of back-channel logout: POSTs {@code logout_token=...} as
 * {@code application/x-www-form-urlencoded} to a client's {@code backchannel_logout_uri}, no
 * redirects followed; any 2xx answer is delivery (Back-Channel Logout §2.8 names 200; 204 is
 * common). It runs asynchronously (the logout response never waits for it), each attempt bounded
 * by {@link Timeout}, retried with back-off ({@link Retry}), and a {@link CircuitBreaker} stops
 * calling out for a while when most recent attempts failed (a network outage), so that logouts
 * do not pile up threads. MicroProfile Fault Tolerance applies these in the container; each value
 * can be overridden by MicroProfile Config
 * ({@code dev.latchkey.oauth.internal.logout.BackChannelLogoutSender/send/Retry/maxRetries}).
 *
 * @see <a href="https://openid.net/specs/openid-connect-backchannel-1_0.html#BCRequest">Back-Channel Logout §2.5</a>
 */
@ApplicationScoped
public class BackChannelLogoutSender {

    static final int TIMEOUT_SECONDS = 5;

    private final OutboundHttp http = new OutboundHttp(Duration.ofSeconds(TIMEOUT_SECONDS));

    /** Delivers {@code logoutToken} to {@code uri}; completes exceptionally when it could not. */
    @Asynchronous
    @Timeout(value = TIMEOUT_SECONDS, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 500, jitter = 250, maxDuration = 30, durationUnit = ChronoUnit.SECONDS,
            retryOn = BackChannelLogoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = BackChannelLogoutException.class)
    public CompletionStage<Void> send(URI uri, String logoutToken) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(TIMEOUT_SECONDS))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8)))
                .build();
        try {
            int status = http.client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new BackChannelLogoutException("the client answered " + status);
            }
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            throw new BackChannelLogoutException("the client could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackChannelLogoutException("interrupted");
        }
    }
}
