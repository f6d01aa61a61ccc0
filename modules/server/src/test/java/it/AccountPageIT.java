package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Browser;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.TestUsers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The account page's sessions in headless Chromium: the browser's own session marked "this
 * device", another browser's (a second login over HTTP) signed out with its button, whose cookie
 * is then refused. The IT server has an IP database, but logins come from loopback addresses,
 * which have no place: the place column says so. Without a session the page sends the browser to log in; a
 * form without its CSRF token ends nothing.
 */
class AccountPageIT {

    private WebDriver browser;
    private TestUsers.User user;

    @BeforeEach
    void start() {
        browser = Browser.start();
        user = TestUsers.aUser();
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    @Test
    void theSessionsAreListedAndAnotherOneIsSignedOutWithItsButton() {
        String otherDevice = HttpLogin.sessionCookie(user.username(), user.password());
        browser.get(Latchkey.BASE_URL + "/account");
        Browser.logIn(browser, user);

        assertEquals(Latchkey.BASE_URL + "/account", browser.getCurrentUrl(), "the login returns to the page");
        List<WebElement> sessions = browser.findElements(By.cssSelector("li.session"));
        assertEquals(2, sessions.size());
        WebElement mine = browser.findElement(By.cssSelector("li.session.current"));
        assertTrue(mine.getText().contains("(this device)"), mine.getText());
        assertTrue(mine.findElements(By.tagName("form")).isEmpty(), "this device is signed out with end-all");
        for (WebElement session : sessions) {
            assertEquals("Not known", session.findElement(By.cssSelector("dd.place")).getText(), "127.0.0.1 has no place");
            assertTrue(Set.of("127.0.0.1", "0:0:0:0:0:0:0:1").contains(session.findElement(By.cssSelector("dd.ip")).getText()),
                    "the browser and the HTTP client reach localhost over IPv4 or IPv6");
        }

        Browser.clickAndAwaitNextPage(browser, By.cssSelector("li.session:not(.current) button.end-session"));

        assertEquals(Latchkey.BASE_URL + "/account?notice=ended", browser.getCurrentUrl());
        assertEquals("The session was signed out.", browser.findElement(By.cssSelector("[role=status]")).getText());
        assertEquals(1, browser.findElements(By.cssSelector("li.session")).size());
        assertFalse(hasSession(otherDevice), "the other browser's cookie is refused");
        assertTrue(browser.findElements(By.id("end-others")).isEmpty(), "no other session is left to sign out");
    }

    @Test
    void signOutEverywhereEndsThisBrowsersSessionToo() {
        String otherDevice = HttpLogin.sessionCookie(user.username(), user.password());
        browser.get(Latchkey.BASE_URL + "/account");
        Browser.logIn(browser, user);

        Browser.clickAndAwaitNextPage(browser, By.id("end-all"));

        assertTrue(browser.getCurrentUrl().startsWith(Latchkey.BASE_URL + "/login"), browser.getCurrentUrl());
        assertFalse(hasSession(otherDevice));
        browser.get(Latchkey.BASE_URL + "/account");
        assertTrue(browser.getCurrentUrl().startsWith(Latchkey.BASE_URL + "/login"), "this browser is signed out");
    }

    @Test
    void withoutASessionThePageSendsTheBrowserToLogInAndBack() {
        HttpResponse<String> response = Latchkey.get("/account");

        assertEquals(303, response.statusCode());
        assertEquals(Latchkey.BASE_URL + "/login?return_to=/account",
                response.headers().firstValue("Location").orElseThrow());
        assertEquals(303, page("__Host-latchkey_session=forged-or-expired", "en").statusCode());
    }

    @Test
    void theSignedInPageLinksToTheAccountPageWhichSpeaksGerman() {
        String session = HttpLogin.sessionCookie(user.username(), user.password());

        HttpResponse<String> signedIn = Latchkey.send(HttpRequest.newBuilder(Latchkey.uri("/login"))
                .header("Cookie", session).GET().build());
        assertTrue(signedIn.body().contains("href=\"/account\""), signedIn.body());
        HttpResponse<String> german = page(session, "de");
        assertEquals(200, german.statusCode());
        assertTrue(german.body().contains("Wo Sie angemeldet sind"), german.body());
        assertTrue(german.body().contains("(dieses Gerät)"), german.body());
        assertTrue(german.headers().firstValue("Cache-Control").orElse("").startsWith("no-store"));
    }

    @Test
    void aFormWithoutItsCsrfTokenOrNamingAnotherUsersSessionEndsNothing() {
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        TestUsers.User other = TestUsers.aUser();
        String othersSession = HttpLogin.sessionCookie(other.username(), other.password());
        HttpResponse<String> othersPage = page(othersSession, "en");
        String othersId = sessionIdOn(othersPage.body());
        HttpResponse<String> myPage = page(session, "en");
        String csrfCookie = HttpLogin.cookie(myPage, "latchkey_csrf");
        String csrf = HttpLogin.csrfField(myPage.body());

        HttpResponse<String> withoutCsrf = Latchkey.postForm("/account/sessions/end-all", "",
                "Cookie", session + "; " + csrfCookie);
        HttpResponse<String> wrongCsrf = Latchkey.postForm("/account/sessions/end-others",
                Latchkey.form(Latchkey.params("csrf", csrf + "x")), "Cookie", session + "; " + csrfCookie);
        HttpResponse<String> othersSessionNamed = Latchkey.postForm("/account/sessions/end",
                Latchkey.form(Latchkey.params("csrf", csrf, "session", othersId)), "Cookie", session + "; " + csrfCookie);
        HttpResponse<String> oversized = Latchkey.postForm("/account/sessions/end",
                Latchkey.form(Latchkey.params("csrf", csrf, "session", "a".repeat(5000))),
                "Cookie", session + "; " + csrfCookie);

        assertEquals(403, withoutCsrf.statusCode());
        assertEquals(403, wrongCsrf.statusCode());
        assertEquals(303, othersSessionNamed.statusCode(), "answered like any other end: back to the page");
        assertEquals(303, oversized.statusCode());
        assertTrue(hasSession(session));
        assertTrue(hasSession(othersSession), "another user's session is not ended by naming its id");
    }

    private static HttpResponse<String> page(String sessionCookie, String language) {
        return Latchkey.send(HttpRequest.newBuilder(Latchkey.uri("/account"))
                .header("Cookie", sessionCookie).header("Accept-Language", language).GET().build());
    }

    private static boolean hasSession(String sessionCookie) {
        return page(sessionCookie, "en").statusCode() == 200;
    }

    /** The id of the (only) session listed on an account page. */
    private static String sessionIdOn(String page) {
        Matcher id = Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"").matcher(page);
        assertTrue(id.find(), page);
        return id.group(1);
    }
}
