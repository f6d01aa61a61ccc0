package it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs in through the real login form over plain HTTP (no browser) and runs authorization
 * requests with the resulting session cookie: for the many bad-input tests that need a code.
 */
public final class HttpLogin {

    private static final Pattern CONSENT_REQUEST_FIELD = Pattern.compile("name=\"request\" value=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

    private HttpLogin() {
    }

    /** The Cookie header of a browser that has just signed in as {@code user}. */
    public static String sessionCookie(String username, String password) {
        HttpResponse<String> page = Latchkey.get("/login");
        assertEquals(200, page.statusCode());
        return logIn(Latchkey.BASE_URL, page, username, password, cookie(page, "latchkey_csrf"));
    }

    /**
     * Logs in again in a browser that has the session {@code sessionCookie}, with the form shown
     * although signed in ({@code fresh=1}). The same user's login renews the session (same id, a
     * new cookie value; the old one stops working); another user's replaces (ends) it. Returns
     * the Cookie header of the session the browser then has.
     */
    public static String logInAgain(String sessionCookie, String username, String password) {
        return logInAgain(Latchkey.BASE_URL, sessionCookie, username, password);
    }

    /** {@link #logInAgain(String, String, String)} on the node at {@code baseUrl}. */
    public static String logInAgain(String baseUrl, String sessionCookie, String username, String password) {
        HttpResponse<String> page = Latchkey.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login?fresh=1"))
                .header("Cookie", sessionCookie).GET().build());
        assertEquals(200, page.statusCode());
        return logIn(baseUrl, page, username, password, cookie(page, "latchkey_csrf") + "; " + sessionCookie);
    }

    /** The value of the login form's (or any page's) CSRF field. */
    public static String csrfField(String page) {
        Matcher csrf = CSRF_FIELD.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF field on the page");
        }
        return csrf.group(1);
    }

    private static String logIn(String baseUrl, HttpResponse<String> page, String username, String password,
                                String cookies) {
        HttpResponse<String> submitted = Latchkey.postForm(URI.create(baseUrl + "/login"),
                Latchkey.form(Latchkey.params("csrf", csrfField(page.body()), "username", username,
                        "password", password, "return_to", "/login")),
                "Cookie", cookies);
        assertEquals(303, submitted.statusCode(), submitted.body());
        return cookie(submitted, "latchkey_session");
    }

    /** Sends an authorization request with the session cookie and returns the (redirect) response. */
    public static HttpResponse<String> authorize(String sessionCookie, String query) {
        return authorize(Latchkey.BASE_URL, sessionCookie, query);
    }

    /** {@link #authorize(String, String)} on the node at {@code baseUrl}. */
    public static HttpResponse<String> authorize(String baseUrl, String sessionCookie, String query) {
        return Latchkey.send(HttpRequest.newBuilder(URI.create(baseUrl + "/authorize?" + query))
                .header("Cookie", sessionCookie).GET().build());
    }

    /**
     * Sends an authorization request and, when a third-party client gets the consent page,
     * allows it as the user would; returns the redirect to the client.
     */
    public static HttpResponse<String> authorizeAndConsent(String sessionCookie, String query) {
        HttpResponse<String> response = authorize(sessionCookie, query);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 303 || !location.startsWith(Latchkey.BASE_URL + "/consent?")) {
            return response;
        }
        HttpResponse<String> page = Latchkey.send(HttpRequest.newBuilder(URI.create(location))
                .header("Cookie", sessionCookie).GET().build());
        assertEquals(200, page.statusCode(), page.body());
        Matcher request = CONSENT_REQUEST_FIELD.matcher(page.body());
        if (!request.find()) {
            throw new IllegalStateException("No request field on the consent page");
        }
        return Latchkey.postForm("/consent", Latchkey.form(Latchkey.params("csrf", csrfField(page.body()),
                        "request", request.group(1), "decision", "allow")),
                "Cookie", sessionCookie + "; " + cookie(page, "latchkey_csrf"));
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

    /** The Location of a 303 answer. */
    public static String location(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The decoded value of a query parameter of {@code uri}; null when absent. */
    public static String queryValue(String uri, String name) {
        for (String pair : URI.create(uri).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
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
