package dev.latchkey.oauth.internal.claims;

import java.util.List;
import java.util.Set;

/**
 * The authentication context classes ({@code acr}, OIDC Core §2) Latchkey asserts, derived from
 * the RFC 8176 {@code amr} values of the login: Latchkey logs users in with a password only, so
 * the one class it can truthfully assert is {@value #PASSWORD}.
 *
 * <p>The hook for a stronger class: a second factor is an {@code AuthenticationStep} of the
 * identity login chain (an {@code mfa} module), which adds its {@code amr} value (e.g.
 * {@code otp}, {@code hwk}) to the session. That module's arrival adds a class here (say
 * {@code urn:latchkey:acr:mfa}, satisfied when {@code amr} holds {@code pwd} and a second
 * factor), to {@link #SUPPORTED} and thus to discovery's {@code acr_values_supported}; a session
 * below an essential class requested then sends the browser to a step-up login instead of failing.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OIDC Core §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#acrSemantics">OIDC Core §5.5.1.1</a>
 */
public final class AuthenticationContexts {

    /** A login by password alone (one factor, something the user knows). */
    public static final String PASSWORD = "urn:latchkey:acr:pwd";
    /** Every class Latchkey can assert, weakest first. */
    public static final List<String> SUPPORTED = List.of(PASSWORD);

    private static final String PASSWORD_METHOD = "pwd";

    private AuthenticationContexts() {
    }

    /** The classes an authentication with these {@code amr} values satisfies. */
    static Set<String> satisfiedBy(List<String> authenticationMethods) {
        return authenticationMethods.contains(PASSWORD_METHOD) ? Set.of(PASSWORD) : Set.of();
    }

    /**
     * The {@code acr} to assert for an authentication with these {@code amr} values: the first of
     * the {@code requested} classes (in order of preference, OIDC Core §3.1.2.1) it satisfies,
     * else the strongest it satisfies; null when it satisfies none (nothing is asserted).
     */
    public static String asserted(List<String> authenticationMethods, List<String> requested) {
        Set<String> satisfied = satisfiedBy(authenticationMethods);
        return requested.stream().filter(satisfied::contains).findFirst()
                .orElseGet(() -> SUPPORTED.stream().filter(satisfied::contains).reduce((weaker, stronger) -> stronger)
                        .orElse(null));
    }
}
