package it.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A client's back-channel logout endpoint on 127.0.0.1: it answers 503 to the first
 * {@code failures} requests (all of them when negative), then 200, and keeps the logout tokens
 * of the requests it accepted.
 */
public final class LogoutTokenReceiver implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    /** One permit per request answered. */
    private final Semaphore arrived = new Semaphore(0);

    public LogoutTokenReceiver(int failures) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/backchannel", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int number = requests.incrementAndGet();
            boolean fail = failures < 0 || number <= failures;
            if (!fail && "POST".equals(exchange.getRequestMethod()) && body.startsWith("logout_token=")
                    && "application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                accepted.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(fail ? 503 : 200, -1);
            exchange.close();
            arrived.release();
        });
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel";
    }

    public int requests() {
        return requests.get();
    }

    /** The logout tokens accepted so far. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** Waits up to {@code timeout} until {@code count} requests came (in all); false when they did not. */
    public boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
        if (!arrived.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        arrived.release(count);
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
