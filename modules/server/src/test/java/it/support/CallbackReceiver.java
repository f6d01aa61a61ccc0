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
 * callback it receives (code, state, iss, or an error) and answers with a small page.
 */
public final class CallbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final CompletableFuture<URI> callback = new CompletableFuture<>();

    public CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/callback", exchange -> {
            callback.complete(URI.create(redirectUri() + (exchange.getRequestURI().getRawQuery() == null ? ""
                    : "?" + exchange.getRequestURI().getRawQuery())));
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

    @Override
    public void close() {
        server.stop(0);
    }
}
