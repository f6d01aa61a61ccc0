package dev.latchkey.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed-rate load driver, in the manner of wrk2: the same request (a POST of {@code --body},
 * or a GET with {@code --method GET}) is due every {@code 1/rate} seconds, whatever the
 * server's pace, and a request's latency runs from the moment it was due, not the moment it
 * could be sent, so a stalled server is not hidden ("coordinated omission"). A fixed set of
 * keep-alive connections (one thread each, plain HTTP/1.1 over a socket: cheap on a machine it
 * shares with the server) takes the due requests in turn. Percentiles come from the sorted
 * latencies, nearest rank.
 *
 * <p>With {@code --refresh-tokens FILE} the requests are refresh-token grants with rotation:
 * each connection holds one refresh-token family (a line of the file; at least as many lines as
 * connections), presents its current token and keeps the successor the response returns.
 *
 * <pre>
 * java -cp ... dev.latchkey.benchmarks.FixedRateLoad --url http://localhost:9380/token \
 *      --authorization "Basic ..." --body grant_type=client_credentials --rate 1500 \
 *      --connections 32 --warmup 3 --duration 20
 * </pre>
 *
 * Prints one line of {@code key=value} pairs: {@code rate} (asked), {@code achieved} (completed
 * per second), {@code sent}, {@code ok} (2xx), {@code failed} (other status or I/O error),
 * {@code p50_ms p90_ms p99_ms p999_ms max_ms}. Never fails on a number.
 */
public final class FixedRateLoad {

    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

    private final URI url;
    private final byte[] request;
    private final int connections;
    /** Per connection, the refresh token it presents next; null when every request is {@link #request}. */
    private final String[] refreshTokens;
    private final String authorization;

    private FixedRateLoad(URI url, byte[] request, int connections, String[] refreshTokens, String authorization) {
        this.url = url;
        this.request = request;
        this.connections = connections;
        this.refreshTokens = refreshTokens;
        this.authorization = authorization;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI url = URI.create(required(options, "url"));
        String authorization = options.get("authorization");
        byte[] body = options.getOrDefault("body", "").getBytes(StandardCharsets.UTF_8);
        double rate = Double.parseDouble(required(options, "rate"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "32"));
        long warmupSeconds = Long.parseLong(options.getOrDefault("warmup", "3"));
        long durationSeconds = Long.parseLong(options.getOrDefault("duration", "20"));

        String method = options.getOrDefault("method", "POST");
        String[] refreshTokens = null;
        if (options.containsKey("refresh-tokens")) {
            List<String> lines = Files.readAllLines(Path.of(options.get("refresh-tokens"))).stream()
                    .filter(line -> !line.isBlank()).toList();
            if (lines.size() < connections) {
                throw new IllegalArgumentException("--refresh-tokens: " + lines.size() + " tokens for " + connections
                        + " connections");
            }
            refreshTokens = lines.subList(0, connections).toArray(String[]::new);
        }

        FixedRateLoad load = new FixedRateLoad(url, request(url, method, authorization, body), connections,
                refreshTokens, authorization);
        load.run(rate, warmupSeconds);
        System.out.println(load.run(rate, durationSeconds).line());
    }

    /** One HTTP/1.1 request: a POST with a form body, or a GET when {@code method} is GET. */
    private static byte[] request(URI url, String method, String authorization, byte[] body) {
        String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        boolean get = method.equals("GET");
        String head = method + " " + path + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + port(url) + "\r\n"
                + (get ? "" : "Content-Type: application/x-www-form-urlencoded\r\n")
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + (get ? "\r\n" : "Content-Length: " + body.length + "\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        if (!get) {
            request.writeBytes(body);
        }
        return request.toByteArray();
    }

    /** What connection {@code c} sends next: the fixed request, or a refresh with its family's current token. */
    private byte[] requestFor(int c) {
        if (refreshTokens == null) {
            return request;
        }
        byte[] body = ("grant_type=refresh_token&refresh_token=" + refreshTokens[c]).getBytes(StandardCharsets.US_ASCII);
        return request(url, "POST", authorization, body);
    }

    /** Keeps the successor a refresh answered with; a failed refresh leaves its family used up. */
    private void answered(int c, int status, byte[] body) {
        if (refreshTokens != null && status == 200) {
            Matcher successor = REFRESH_TOKEN.matcher(new String(body, StandardCharsets.UTF_8));
            if (successor.find()) {
                refreshTokens[c] = successor.group(1);
            }
        }
    }

    private Result run(double rate, long seconds) throws InterruptedException {
        long intervalNanos = Math.round(1_000_000_000d / rate);
        int total = (int) Math.round(rate * seconds);
        long[] latencies = new long[total];
        AtomicLong tickets = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        // nothing runs after the schedule's end plus the longest wait we accept
        long deadline = start + seconds * 1_000_000_000L + TimeUnit.SECONDS.toNanos(10);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int index = c;
            Thread thread = new Thread(() -> {
                Connection connection = null;
                long ticket;
                while ((ticket = tickets.getAndIncrement()) < total) {
                    long due = start + ticket * intervalNanos;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (System.nanoTime() > deadline) {
                        failed.incrementAndGet();
                        latencies[(int) ticket] = Long.MAX_VALUE;
                        continue;
                    }
                    try {
                        if (connection == null) {
                            connection = new Connection(url);
                        }
                        int status = connection.exchange(requestFor(index));
                        answered(index, status, connection.body);
                        if (status / 100 == 2) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                        if (connection.closed) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                    latencies[(int) ticket] = System.nanoTime() - due;
                }
                if (connection != null) {
                    connection.close();
                }
            }, "load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        Arrays.sort(latencies);
        return new Result(rate, total, ok.get(), failed.get(), ok.get() * 1e9 / elapsed, latencies);
    }

    /** One keep-alive HTTP/1.1 connection; reads a response with Content-Length or chunked. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean closed;
        /** The body of the last response. */
        private byte[] body = new byte[0];

        Connection(URI url) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), port(url)), 5_000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2) {
                throw new IOException("Bad status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closed = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    read(size, received);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                read(length, received);
            } else {
                closed = true;
            }
            body = received.toByteArray();
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("Connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void read(long bytes, ByteArrayOutputStream into) throws IOException {
            byte[] buffer = new byte[4096];
            for (long left = bytes; left > 0; ) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("Connection closed by the server");
                }
                into.write(buffer, 0, read);
                left -= read;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private record Result(double rate, long sent, long ok, long failed, double achieved, long[] sorted) {
        String line() {
            return String.format(Locale.ROOT,
                    "rate=%.0f achieved=%.0f sent=%d ok=%d failed=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f",
                    rate, achieved, sent, ok, failed, millis(0.50), millis(0.90), millis(0.99), millis(0.999),
                    millis(1.0));
        }

        private double millis(double quantile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(quantile * sorted.length);
            long nanos = sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
            return nanos == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : nanos / 1e6;
        }
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : 80;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
