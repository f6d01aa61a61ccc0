package it;

import static it.support.HttpLogin.location;
import static it.support.HttpLogin.queryValue;
import static it.support.Latchkey.basic;
import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static it.support.Latchkey.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestClients;
import it.support.TestUsers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code max_age} and {@code prompt=login} (OIDC Core §3.1.2.1): a session too old for the
 * request, or any session under prompt=login, sends the browser to the login form even though
 * it is signed in; the login it comes back with is accepted once, and the ID token's
 * {@code auth_time} is the time of that login.
 */
class AuthenticationFreshnessIT {

    private static final String REDIRECT = "https://rp.example.com/fresh-cb";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");
    private static TestClients.Registered client;
    private static TestUsers.User user;

    @BeforeAll
    static void setUp() {
        client = TestClients.confidentialClient(REDIRECT);
        user = TestUsers.aUser();
    }

    private static String request(Pkce pkce, String... more) {
        String base = form(params("response_type", "code", "client_id", client.clientId(), "redirect_uri", REDIRECT,
                "scope", "openid", "state", "xyz", "code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
        return base + "&" + form(params(more));
    }

    private static HttpResponse<String> get(String pathAndQuery, String cookies) {
        return Latchkey.send(HttpRequest.newBuilder(Latchkey.uri(pathAndQuery)).header("Cookie", cookies).GET().build());
    }

    /** Follows a redirect to the login page with the session, fills in the form, returns the new session's cookie. */
    private static String logInAgainAt(String loginLocation, String session) {
        assertTrue(loginLocation.startsWith(Latchkey.BASE_URL + "/login?"), loginLocation);
        assertEquals("1", queryValue(loginLocation, "fresh"), loginLocation);
        HttpResponse<String> page = get(loginLocation.substring(Latchkey.BASE_URL.length()), session);
        // signed in, yet the form: no short cut to return_to
        assertEquals(200, page.statusCode(), page.body());
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        assertTrue(csrf.find(), page.body());
        String returnTo = queryValue(loginLocation, "return_to");
        HttpResponse<String> submitted = postForm("/login", form(params("csrf", csrf.group(1),
                "username", user.username(), "password", user.password(), "return_to", returnTo)),
                "Cookie", session + "; " + HttpLogin.cookie(page, "latchkey_csrf"));
        assertEquals(returnTo, location(submitted).replace(Latchkey.BASE_URL, ""));
        String fresh = HttpLogin.cookie(submitted, "latchkey_session");
        assertNotEquals(session, fresh);
        return fresh;
    }

    private static JWTClaimsSet idToken(String code, Pkce pkce) throws Exception {
        HttpResponse<String> tokens = postForm("/token", form(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", pkce.verifier())),
                "Authorization", basic(client.clientId(), client.secret()));
        assertEquals(200, tokens.statusCode(), tokens.body());
        return SignedJWT.parse(Latchkey.json(tokens).getString("id_token")).getJWTClaimsSet();
    }

    private static long authTime(String code, Pkce pkce) throws Exception {
        return idToken(code, pkce).getDateClaim("auth_time").toInstant().getEpochSecond();
    }

    @Test
    void aSessionOlderThanMaxAgeIsSentToTheLoginFormAndAuthTimeIsTheNewLogin() throws Exception {
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        Pkce pkce = Pkce.create();
        // poll until the session is older than max_age=1
        Instant deadline = Instant.now().plusSeconds(10);
        String loginLocation;
        do {
            loginLocation = location(HttpLogin.authorize(session, request(pkce, "max_age", "1")));
        } while (!loginLocation.startsWith(Latchkey.BASE_URL + "/login") && Instant.now().isBefore(deadline));

        long beforeLogin = Instant.now().getEpochSecond();
        String fresh = logInAgainAt(loginLocation, session);
        String back = location(get(queryValue(loginLocation, "return_to"), fresh));

        assertTrue(back.startsWith(REDIRECT + "?code="), back);
        assertTrue(authTime(queryValue(back, "code"), pkce) >= beforeLogin);
    }

    @Test
    void aYoungEnoughSessionGetsACodeUnderMaxAge() {
        String session = HttpLogin.sessionCookie(user.username(), user.password());

        String back = location(HttpLogin.authorize(session, request(Pkce.create(), "max_age", "3600")));

        assertTrue(back.startsWith(REDIRECT + "?code="), back);
    }

    @Test
    void anInvalidMaxAgeIsRedirectedAsInvalidRequest() {
        String session = HttpLogin.sessionCookie(user.username(), user.password());

        String back = location(HttpLogin.authorize(session, request(Pkce.create(), "max_age", "-5")));

        assertTrue(back.startsWith(REDIRECT + "?error=invalid_request"), back);
    }

    @Test
    void promptLoginShowsTheLoginFormThenGivesACodeOnceForTheNewLogin() throws Exception {
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        Pkce pkce = Pkce.create();

        String loginLocation = location(HttpLogin.authorize(session, request(pkce, "prompt", "login")));
        long beforeLogin = Instant.now().getEpochSecond();
        String fresh = logInAgainAt(loginLocation, session);
        String returnTo = queryValue(loginLocation, "return_to");
        String back = location(get(returnTo, fresh));

        assertTrue(back.startsWith(REDIRECT + "?code="), back);
        assertEquals("xyz", queryValue(back, "state"));
        assertTrue(authTime(queryValue(back, "code"), pkce) >= beforeLogin);
        // the login was for that one request: replaying it asks for a login again
        assertTrue(location(get(returnTo, fresh)).startsWith(Latchkey.BASE_URL + "/login?"));
        // and the session the new login replaced is gone
        assertTrue(location(HttpLogin.authorize(session, request(Pkce.create()))).startsWith(Latchkey.BASE_URL + "/login?"));
    }

    @Test
    void theLoginUnderPromptLoginRenewsTheSessionCookieAndKeepsTheSessionId() throws Exception {
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        Pkce before = Pkce.create();
        String sid = idToken(queryValue(location(HttpLogin.authorize(session, request(before))), "code"), before)
                .getStringClaim("sid");
        Pkce after = Pkce.create();

        String loginLocation = location(HttpLogin.authorize(session, request(after, "prompt", "login")));
        String renewed = logInAgainAt(loginLocation, session);
        String back = location(get(queryValue(loginLocation, "return_to"), renewed));

        assertEquals(sid, idToken(queryValue(back, "code"), after).getStringClaim("sid"), "the same session");
        // the cookie value it had before the login opens nothing any more
        assertTrue(location(HttpLogin.authorize(session, request(Pkce.create()))).startsWith(Latchkey.BASE_URL + "/login?"));
        assertTrue(get("/login", session).body().contains("name=\"password\""), "not signed in with the old value");
        assertTrue(location(HttpLogin.authorize(renewed, request(Pkce.create()))).startsWith(REDIRECT + "?code="));
    }

    @Test
    void aLoginWithFreshOneRenewsTheSessionCookieAndTheOldOneIsDead() {
        String session = HttpLogin.sessionCookie(user.username(), user.password());

        String renewed = HttpLogin.logInAgain(session, user.username(), user.password());

        assertNotEquals(session, renewed);
        assertTrue(location(HttpLogin.authorize(session, request(Pkce.create()))).startsWith(Latchkey.BASE_URL + "/login?"));
        assertTrue(location(HttpLogin.authorize(renewed, request(Pkce.create()))).startsWith(REDIRECT + "?code="));
    }
}
