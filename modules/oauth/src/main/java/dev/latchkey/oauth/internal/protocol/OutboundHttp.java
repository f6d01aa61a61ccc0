package dev.latchkey.oauth.internal.protocol;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client of calls Latchkey makes to URLs clients registered (their keys, their
 * back-channel logout endpoint): no redirects followed, a connect timeout, made at the first call,
 * because a client runs a thread, which a CDI proxy must not start.
 */
public final class OutboundHttp {

    private final Duration connectTimeout;
    private volatile HttpClient http;

    public OutboundHttp(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public HttpClient client() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(connectTimeout)
                            .build();
                }
                client = http;
            }
        }
        return client;
    }
}
