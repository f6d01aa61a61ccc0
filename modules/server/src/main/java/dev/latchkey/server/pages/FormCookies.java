package dev.latchkey.server.pages;

import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.session.api.SsoSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.regex.Pattern;

/**
 * The cookies of the pages: the session cookie, the CSRF cookie of the double-submit pattern and
 * the long-lived device cookie (which tells a user's known devices from new ones). All are
 * HttpOnly, SameSite=Lax, Path=/, and {@code __Host-} + Secure wherever the browser treats the
 * origin as secure (https and loopback).
 */
@ApplicationScoped
public class FormCookies {

    private static final String CSRF_BASE_NAME = "latchkey_csrf";
    /** What {@link SecureTokens#newToken()} makes: 256 bits in base64url. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    SsoSessions sessions;

    /** The CSRF cookie's name. */
    public String csrfCookieName() {
        return (sessions.cookieSecure() ? "__Host-" : "") + CSRF_BASE_NAME;
    }

    /** The CSRF token the browser already holds, or a new one. */
    public String csrfToken(HttpHeaders headers) {
        Cookie existing = headers.getCookies().get(csrfCookieName());
        if (existing != null && TOKEN.matcher(existing.getValue()).matches()) {
            return existing.getValue();
        }
        return SecureTokens.newToken();
    }

    /** True when the form's token equals the CSRF cookie's (constant time). */
    public boolean csrfMatches(HttpHeaders headers, String formToken) {
        Cookie cookie = headers.getCookies().get(csrfCookieName());
        return cookie != null && SecureTokens.constantTimeEquals(cookie.getValue(), formToken);
    }

    public NewCookie csrfCookie(String token) {
        return cookie(csrfCookieName(), token, -1);
    }

    /** The value of the session cookie, or null. */
    public String sessionCookieValue(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(sessions.cookieName());
        return cookie == null ? null : cookie.getValue();
    }

    public NewCookie sessionCookie(String value) {
        return cookie(sessions.cookieName(), value, -1);
    }

    /** A session cookie that makes the browser forget the one it has (after a logout). */
    public NewCookie expiredSessionCookie() {
        return cookie(sessions.cookieName(), "", 0);
    }

    /** The value of the device cookie, or null. */
    public String deviceCookieValue(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(sessions.deviceCookieName());
        return cookie == null ? null : cookie.getValue();
    }

    /** The device cookie, living as long as a device stays known. */
    public NewCookie deviceCookie(String deviceId) {
        return cookie(sessions.deviceCookieName(), deviceId, (int) Math.min(Integer.MAX_VALUE,
                sessions.deviceCookieLifetime().toSeconds()));
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(sessions.cookieSecure())
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAge)
                .build();
    }
}
