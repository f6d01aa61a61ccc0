package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.TestUsers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The login page over plain HTTP: markup, headers, CSRF, uniform failures, bad input. */
class LoginPageIT {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

    private record Form(String cookie, String csrf) {
    }

    private static Form openForm() {
        HttpResponse<String> page = Latchkey.get("/login");
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        assertTrue(csrf.find());
        return new Form(HttpLogin.cookie(page, "latchkey_csrf"), csrf.group(1));
    }

    private static HttpResponse<String> submit(Form form, String body) {
        return Latchkey.postForm("/login", "csrf=" + form.csrf() + "&" + body, "Cookie", form.cookie());
    }

    @Test
    void theFormIsAccessibleHtmlWithSecurityHeadersAndACsrfCookie() {
        HttpResponse<String> page = Latchkey.get("/login");

        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<label for=\"username\""));
        assertTrue(html.contains("<label for=\"password\""));
        assertTrue(html.contains("autocomplete=\"current-password\""));
        assertTrue(html.contains("<html lang=\"en\""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(page.headers().firstValue("Referrer-Policy").isPresent());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("latchkey_csrf"))
                .findFirst().orElseThrow();
        assertTrue(cookie.startsWith("__Host-"), cookie);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"), cookie);
    }

    @Test
    void theFormSpeaksGermanWhenTheBrowserAsks() {
        HttpResponse<String> page = Latchkey.send(HttpRequest.newBuilder(Latchkey.uri("/login"))
                .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").GET().build());
        assertTrue(page.body().contains("Anmelden"), page.body());
        assertTrue(page.body().contains("<html lang=\"de\""));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndStartsNoSession() {
        TestUsers.User user = TestUsers.aUser();
        Form form = openForm();
        HttpResponse<String> response = Latchkey.postForm("/login",
                "username=" + user.username() + "&password=" + Latchkey.encode(user.password()), "Cookie", form.cookie());
        assertEquals(403, response.statusCode());
        assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains("latchkey_session")));

        HttpResponse<String> mismatched = Latchkey.postForm("/login", "csrf=" + "x".repeat(43) + "&username="
                + user.username() + "&password=" + Latchkey.encode(user.password()), "Cookie", form.cookie());
        assertEquals(403, mismatched.statusCode());
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        TestUsers.User user = TestUsers.aUser();
        HttpResponse<String> wrongPassword = submit(openForm(), "username=" + user.username() + "&password=wrong-password");
        HttpResponse<String> unknownUser = submit(openForm(), "username=" + Latchkey.unique("ghost") + "&password=wrong-password");

        assertEquals(wrongPassword.statusCode(), unknownUser.statusCode());
        String message = "The username or password is not correct.";
        assertTrue(wrongPassword.body().contains(message));
        assertTrue(unknownUser.body().contains(message));
        assertTrue(wrongPassword.body().contains("aria-describedby=\"login-error\""));
        assertTrue(wrongPassword.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains("latchkey_session")));
    }

    @Test
    void theRightPasswordStartsASessionAndReturnsToALocalPathOnly() {
        TestUsers.User user = TestUsers.aUser();
        HttpResponse<String> response = submit(openForm(), "username=" + user.username() + "&password="
                + Latchkey.encode(user.password()) + "&return_to=" + Latchkey.encode("https://evil.example.com/"));
        assertEquals(303, response.statusCode());
        assertEquals(Latchkey.BASE_URL + "/login", response.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^/", Latchkey.BASE_URL + "/"));
        String session = response.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("latchkey_session"))
                .findFirst().orElseThrow();
        assertTrue(session.startsWith("__Host-") && session.contains("HttpOnly") && session.contains("Secure")
                && session.contains("SameSite=Lax") && session.contains("Path=/"), session);
        assertFalse(session.contains("Max-Age") || session.contains("Expires"), "a browser-session cookie: " + session);
        String device = response.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("latchkey_device"))
                .findFirst().orElseThrow();
        assertTrue(device.startsWith("__Host-latchkey_device=") && device.contains("HttpOnly")
                && device.contains("Secure") && device.contains("SameSite=Lax") && device.contains("Path=/"), device);
        assertTrue(device.contains("Max-Age=31536000"), "long-lived: " + device);
    }

    @Test
    void aBrowserKeepsItsDeviceCookieAcrossLoginsAndAForgedOneIsReplaced() {
        TestUsers.User user = TestUsers.aUser();
        String credentials = "username=" + user.username() + "&password=" + Latchkey.encode(user.password());
        String device = HttpLogin.cookie(submit(openForm(), credentials), "latchkey_device");

        Form again = openForm();
        HttpResponse<String> second = Latchkey.postForm("/login", "csrf=" + again.csrf() + "&" + credentials,
                "Cookie", again.cookie() + "; " + device);
        Form forged = openForm();
        HttpResponse<String> third = Latchkey.postForm("/login", "csrf=" + forged.csrf() + "&" + credentials,
                "Cookie", forged.cookie() + "; __Host-latchkey_device=" + "x".repeat(500));

        assertEquals(device, HttpLogin.cookie(second, "latchkey_device"));
        assertEquals(303, third.statusCode());
        String replaced = HttpLogin.cookie(third, "latchkey_device");
        assertTrue(replaced.matches("__Host-latchkey_device=[A-Za-z0-9_-]{43}") && !replaced.equals(device), replaced);
    }

    @Test
    void oversizedAndRepeatedFieldsAreAFailedLoginNotAnError() {
        HttpResponse<String> oversized = submit(openForm(), "username=" + "u".repeat(5000) + "&password=" + "p".repeat(5000));
        assertTrue(oversized.statusCode() < 500);
        HttpResponse<String> repeated = submit(openForm(), "username=a&username=b&password=x");
        assertTrue(repeated.statusCode() < 500);
        assertFalse(repeated.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("latchkey_session")));
    }
}
