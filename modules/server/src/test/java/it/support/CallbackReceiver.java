package it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The relying party's redirect URI: a real HTTP listener on loopback that records the first
 * callback it receives (code, state, iss, or an error) and answers with a small page. A callback
 * by GET carries them in the query; one by POST ({@code response_mode=form_post}) in the form
 * body, which is recorded as if it were the query, with {@link #method()} telling the two apart.
 */
public final class CallbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final CompletableFuture<URI> callback = new CompletableFuture<>();
    private volatile String method;

    public CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/callback", exchange -> {
            String parameters = exchange.getRequestURI().getRawQuery();
            if ("POST".equals(exchange.getRequestMethod())) {
                parameters = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            }
            if (!callback.isDone()) {
                method = exchange.getRequestMethod();
            }
            callback.complete(URI.create(redirectUri() + (parameters == null ? "" : "?" + parameters)));
            byte[] page = "<!DOCTYPE html><title>RP</title><p>callback received</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    /** The full callback URI, waiting up to 20 seconds for it. */
    public URI awaitCallback() {
        try {
            return callback.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The browser never reached the redirect URI", e);
        }
    }

    /** {@code GET} or {@code POST}: how the first callback came; null before it came. */
    public String method() {
        return method;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
