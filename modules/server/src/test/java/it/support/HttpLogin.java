package it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs in through the real login form over plain HTTP (no browser) and runs authorization
 * requests with the resulting session cookie: for the many bad-input tests that need a code.
 */
public final class HttpLogin {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

    private HttpLogin() {
    }

    /** The Cookie header of a browser that has just signed in as {@code user}. */
    public static String sessionCookie(String username, String password) {
        HttpResponse<String> page = Latchkey.get("/login");
        assertEquals(200, page.statusCode());
        String csrfCookie = cookie(page, "latchkey_csrf");
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF field on the login page");
        }
        HttpResponse<String> submitted = Latchkey.postForm("/login",
                Latchkey.form(Latchkey.params("csrf", csrf.group(1), "username", username, "password", password,
                        "return_to", "/login")),
                "Cookie", csrfCookie);
        assertEquals(303, submitted.statusCode(), submitted.body());
        return cookie(submitted, "latchkey_session");
    }

    /** Sends an authorization request with the session cookie and returns the (redirect) response. */
    public static HttpResponse<String> authorize(String sessionCookie, String query) {
        return Latchkey.send(HttpRequest.newBuilder(Latchkey.uri("/authorize?" + query))
                .header("Cookie", sessionCookie).GET().build());
    }

    /** The code from a successful authorization redirect. */
    public static String code(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return java.net.URLDecoder.decode(pair.substring(5), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("No code in " + location);
    }

    /** "name=value" of the Set-Cookie whose name ends with {@code baseName}. */
    public static String cookie(HttpResponse<String> response, String baseName) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        for (String header : cookies) {
            String pair = header.split(";", 2)[0];
            if (pair.split("=", 2)[0].endsWith(baseName)) {
                return pair;
            }
        }
        throw new IllegalStateException("No cookie " + baseName + " in " + cookies);
    }
}
