package it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Latchkey under test (started by liberty:test-start on PostgreSQL + Redis): its address,
 * plain HTTP calls that never follow redirects, and an admin token from the bootstrap admin.
 */
public final class Latchkey {

    public static final String BASE_URL = System.getProperty("latchkey.it.base-url", "http://localhost:9180");
    public static final String ADMIN_USERNAME = System.getProperty("latchkey.it.admin-username", "admin");
    public static final String ADMIN_PASSWORD = System.getProperty("latchkey.it.admin-password", "it-admin-password-1");
    public static final String ADMIN_CLI = "latchkey-admin-cli";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static String adminToken;

    private Latchkey() {
    }

    public static URI uri(String path) {
        return URI.create(BASE_URL + path);
    }

    /** A unique name for things a test creates, so test runs never collide on a shared database. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public static HttpResponse<String> get(String path, String bearer) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).GET().build());
    }

    /** POSTs a form body exactly as given (so tests can repeat or omit parameters). */
    public static HttpResponse<String> postForm(String path, String body, String... headers) {
        return postForm(uri(path), body, headers);
    }

    /** POSTs a form body to another address, e.g. the second node of {@code ClusterIT}. */
    public static HttpResponse<String> postForm(URI uri, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public static HttpResponse<String> sendJson(String method, String path, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String basic(String clientId, String secret) {
        String pair = encode(clientId) + ":" + encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** An access token of the bootstrap admin, from the built-in admin CLI client (password grant). */
    public static synchronized String adminToken() {
        if (adminToken == null) {
            HttpResponse<String> response = postForm("/token", form(params(
                    "grant_type", "password", "client_id", ADMIN_CLI,
                    "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD, "scope", "openid")));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No admin token: " + response.statusCode() + " " + response.body());
            }
            adminToken = json(response).getString("access_token");
        }
        return adminToken;
    }
}
