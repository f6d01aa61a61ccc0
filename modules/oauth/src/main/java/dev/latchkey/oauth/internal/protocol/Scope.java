package dev.latchkey.oauth.internal.protocol;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A scope: an ordered set of scope tokens, written space-delimited on the wire.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.3">RFC 6749 §3.3</a>
 */
public record Scope(Set<String> values) {

    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";
    public static final String ADDRESS = "address";
    public static final String PHONE = "phone";
    public static final String OFFLINE_ACCESS = "offline_access";

    /** The scopes of OIDC Core §5.4 and §11 that Latchkey knows. */
    public static final Set<String> STANDARD = Collections.unmodifiableSet(
            new LinkedHashSet<>(java.util.List.of(OPENID, PROFILE, EMAIL, ADDRESS, PHONE, OFFLINE_ACCESS)));

    /** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    public static final Scope EMPTY = new Scope(Set.of());

    public Scope {
        values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /** The scope of a list of tokens, in their order. */
    public static Scope of(Collection<String> values) {
        return new Scope(new LinkedHashSet<>(values));
    }

    /**
     * Parses a {@code scope} parameter; null or blank is the empty scope. Throws
     * {@code invalid_scope} when a token has a character RFC 6749 §3.3 does not allow.
     */
    public static Scope parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return EMPTY;
        }
        Set<String> tokens = new LinkedHashSet<>();
        for (String token : raw.split(" ")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!SCOPE_TOKEN.matcher(token).matches()) {
                throw OAuthException.invalidScope("The scope has a character RFC 6749 §3.3 does not allow");
            }
            tokens.add(token);
        }
        return new Scope(tokens);
    }

    public boolean contains(String token) {
        return values.contains(token);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** True when every token of {@code other} is in this scope. */
    public boolean containsAll(Scope other) {
        return values.containsAll(other.values);
    }

    /** The tokens of this scope that are also in {@code allowed}, in this scope's order. */
    public Scope retain(Collection<String> allowed) {
        Set<String> kept = new LinkedHashSet<>(values);
        kept.retainAll(allowed);
        return new Scope(kept);
    }

    /** The tokens of this scope that are not in {@code removed}. */
    public Scope without(Collection<String> removed) {
        Set<String> kept = new LinkedHashSet<>(values);
        kept.removeAll(removed);
        return new Scope(kept);
    }

    /** The space-delimited form. */
    @Override
    public String toString() {
        return String.join(" ", values);
    }
}
