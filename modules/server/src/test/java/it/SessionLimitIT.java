package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.HttpLogin;
import it.support.Latchkey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The per-user session limit under the policy {@code refuse}, on the embedded-default server
 * (in-process store), which runs with {@code LATCHKEY_SESSION_MAX_PER_USER=2} and
 * {@code LATCHKEY_SESSION_LIMIT_POLICY=refuse}: a third login is refused with a clear message in
 * the page's language and starts no session, while a new login in a session the user has is no
 * new session and goes through. Only this test logs in as {@code imported-bob} there.
 */
class SessionLimitIT {

    private static final String BASE = System.getProperty("latchkey.it.embedded-url", "http://localhost:9280");
    private static final String USERNAME = "imported-bob";
    private static final String PASSWORD = "bob-imported-password";

    private static HttpResponse<String> get(String path, String cookies, String language) {
        return Latchkey.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Cookie", cookies).header("Accept-Language", language).GET().build());
    }

    /** Opens the login form (with the browser's cookies, if any) and submits it; the answer. */
    private static HttpResponse<String> logIn(String path, String cookies, String language) {
        HttpResponse<String> page = get(path, cookies, language);
        assertEquals(200, page.statusCode(), page.body());
        String csrf = HttpLogin.cookie(page, "latchkey_csrf");
        return Latchkey.send(HttpRequest.newBuilder(URI.create(BASE + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies.isEmpty() ? csrf : cookies + "; " + csrf)
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(Latchkey.form(Latchkey.params("csrf",
                        HttpLogin.csrfField(page.body()), "username", USERNAME, "password", PASSWORD,
                        "return_to", "/login"))))
                .build());
    }

    private static boolean startsASession(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.contains("latchkey_session="));
    }

    @Test
    void atTheLimitALoginIsRefusedWithAClearMessageAndNoSessionButALoginInAnOwnSessionGoesThrough() {
        HttpResponse<String> first = logIn("/login", "", "en");
        assertEquals(303, first.statusCode(), first.body());
        assertEquals(303, logIn("/login", "", "en").statusCode());

        HttpResponse<String> refused = logIn("/login", "", "en");
        HttpResponse<String> refusedInGerman = logIn("/login", "", "de");

        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("You are signed in on too many devices."), refused.body());
        assertTrue(refused.body().contains("role=\"alert\""), refused.body());
        assertFalse(refused.body().contains("aria-invalid=\"true\""), "the fields were not wrong");
        assertFalse(startsASession(refused), "no session for a refused login");
        assertEquals(409, refusedInGerman.statusCode());
        assertTrue(refusedInGerman.body().contains("Sie sind auf zu vielen Geräten angemeldet."), refusedInGerman.body());
        assertFalse(startsASession(refusedInGerman));

        String session = HttpLogin.cookie(first, "latchkey_session");
        HttpResponse<String> renewed = logIn("/login?fresh=1", session, "en");
        assertEquals(303, renewed.statusCode(), renewed.body());
        assertNotEquals(session, HttpLogin.cookie(renewed, "latchkey_session"));
    }
}
