package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import it.support.Latchkey;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The embedded default as a newcomer meets it: no database or Redis configured, an import file,
 * a generated admin password in the log. Then a restart: data, keys and admin survive, and the
 * import changes nothing the second time.
 */
class EmbeddedDefaultIT {

    private static final String BASE = System.getProperty("latchkey.it.embedded-url", "http://localhost:9280");
    private static final Path WLP = Path.of(System.getProperty("latchkey.it.wlp-dir", "target/liberty/wlp"));
    private static final String SERVER = "latchkey-embedded";
    private static final Pattern GENERATED_PASSWORD = Pattern.compile("password: (\\S+)");

    @Test
    void startsOnH2WithAnInProcessStoreImportsAndSurvivesARestart() throws Exception {
        Map<String, JsonObject> checks = readiness();
        assertEquals("H2", checks.get("database").getJsonObject("data").getString("product"));
        assertEquals("in-process", checks.get("session-store").getJsonObject("data").getString("kind"));

        String adminPassword = generatedAdminPassword();
        assertEquals(200, passwordGrant("admin", adminPassword).statusCode());
        assertEquals(200, clientCredentials().statusCode());
        assertEquals(200, passwordGrant("imported-alice", "alice-imported-password").statusCode(),
                "imported users log in with the password the import gave them");
        Set<String> kids = keyIds();

        restart();

        assertEquals(200, passwordGrant("admin", adminPassword).statusCode(), "the bootstrap admin is kept");
        assertEquals(200, clientCredentials().statusCode(), "the imported client is kept");
        assertEquals(kids, keyIds(), "the signing keys are kept");
        assertEquals(1, countInLog("This password is shown only this once"), "no second bootstrap admin");
        assertEquals(200, post("/token", "grant_type=client_credentials&resource=https%3A%2F%2Fapi.example.com",
                Latchkey.basic("imported-service", "imported-service-secret-0123456789abcdef")).statusCode(),
                "the imported resource server is kept");
        assertEquals(2, countInLog("Imported 2 users, 2 clients and 1 resource servers"),
                "the import ran at both starts");
    }

    private static HttpResponse<String> passwordGrant(String username, String password) {
        return post("/token", Latchkey.form(Latchkey.params("grant_type", "password", "client_id", Latchkey.ADMIN_CLI,
                "username", username, "password", password)), null);
    }

    private static HttpResponse<String> clientCredentials() {
        return post("/token", "grant_type=client_credentials",
                Latchkey.basic("imported-service", "imported-service-secret-0123456789abcdef"));
    }

    private static HttpResponse<String> post(String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Latchkey.send(request.build());
    }

    private static Map<String, JsonObject> readiness() {
        HttpResponse<String> response = Latchkey.send(HttpRequest.newBuilder(java.net.URI.create(BASE + "/health/ready")).build());
        assertEquals(200, response.statusCode(), response.body());
        return Latchkey.json(response).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
    }

    private static Set<String> keyIds() throws Exception {
        HttpResponse<String> response = Latchkey.send(HttpRequest.newBuilder(java.net.URI.create(BASE + "/jwks")).build());
        return JWKSet.parse(response.body()).getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }

    private static Path log() {
        return WLP.resolve("usr/servers/" + SERVER + "/logs/messages.log");
    }

    private static String generatedAdminPassword() throws IOException {
        Matcher matcher = GENERATED_PASSWORD.matcher(Files.readString(log()));
        assertTrue(matcher.find(), "no generated admin password in the log");
        return matcher.group(1);
    }

    private static long countInLog(String text) throws IOException {
        long count = 0;
        for (Path file : List.of(log(), WLP.resolve("usr/servers/" + SERVER + "/logs/messages.previous.log"))) {
            if (Files.exists(file)) {
                count += Files.readAllLines(file).stream().filter(line -> line.contains(text)).count();
            }
        }
        return count;
    }

    private static void restart() throws Exception {
        Path previous = WLP.resolve("usr/servers/" + SERVER + "/logs/messages.previous.log");
        Files.copy(log(), previous, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        run("stop");
        run("start");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = Latchkey.send(
                        HttpRequest.newBuilder(java.net.URI.create(BASE + "/health/ready")).build());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the port is not open yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("the embedded server did not become ready after a restart");
    }

    private static void run(String action) throws Exception {
        Process process = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, SERVER)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "server " + action + " hung");
        assertEquals(0, process.exitValue(), "server " + action + ": " + output);
    }
}
