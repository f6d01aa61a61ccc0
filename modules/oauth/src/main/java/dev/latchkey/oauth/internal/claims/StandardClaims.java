package dev.latchkey.oauth.internal.claims;

import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user claims of OIDC Core §5.1 that Latchkey serves, the scope values that ask for them
 * (§5.4), and their values for a user. A claim the user has no value for is left out, never sent
 * as null or empty (§5.3.2). {@code preferred_username} is the username; {@code profile} (a
 * profile page's URL) is not kept, so it is never served.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims">OIDC Core §5.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">OIDC Core §5.4</a>
 */
public final class StandardClaims {

    /** OIDC Core §5.4: the claims each scope value asks for. */
    public static final Map<String, List<String>> BY_SCOPE = scopes();

    /** Every user claim Latchkey can serve, in the order of {@link #BY_SCOPE}. */
    public static final Set<String> NAMES = names();

    private StandardClaims() {
    }

    /** The user claims the scope values of {@code scope} ask for. */
    public static Set<String> forScope(Scope scope) {
        Set<String> names = new LinkedHashSet<>();
        BY_SCOPE.forEach((value, claims) -> {
            if (scope.contains(value)) {
                names.addAll(claims);
            }
        });
        return names;
    }

    /**
     * The values of the claims {@code names} that the user has, in the order of {@link #NAMES};
     * unknown names are ignored. {@code address} is an object of its non-empty parts.
     */
    public static Map<String, Object> of(UserView user, Collection<String> names) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : NAMES) {
            if (names.contains(name)) {
                Object value = value(user, name);
                if (value != null) {
                    claims.put(name, value);
                }
            }
        }
        return claims;
    }

    private static Object value(UserView user, String name) {
        ProfileDetails details = user.details();
        return switch (name) {
            case "name" -> user.name();
            case "family_name" -> user.familyName();
            case "given_name" -> user.givenName();
            case "middle_name" -> details.middleName();
            case "nickname" -> details.nickname();
            case "preferred_username" -> user.username();
            case "picture" -> details.picture();
            case "website" -> details.website();
            case "gender" -> details.gender();
            case "birthdate" -> details.birthdate();
            case "zoneinfo" -> details.zoneinfo();
            case "locale" -> details.locale();
            case "updated_at" -> user.updatedAt() == null ? null : user.updatedAt().getEpochSecond();
            case "email" -> user.email();
            // a verification flag without the value it verifies says nothing
            case "email_verified" -> user.email() == null ? null : user.emailVerified();
            case "address" -> address(details.address());
            case "phone_number" -> details.phoneNumber();
            case "phone_number_verified" -> details.phoneNumber() == null ? null : details.phoneNumberVerified();
            default -> null;
        };
    }

    /** OIDC Core §5.1.1: the address claim is a JSON object of the parts that are set. */
    private static Map<String, Object> address(PostalAddress address) {
        Map<String, Object> parts = new LinkedHashMap<>();
        putIfSet(parts, "formatted", address.formatted());
        putIfSet(parts, "street_address", address.streetAddress());
        putIfSet(parts, "locality", address.locality());
        putIfSet(parts, "region", address.region());
        putIfSet(parts, "postal_code", address.postalCode());
        putIfSet(parts, "country", address.country());
        return parts.isEmpty() ? null : parts;
    }

    private static void putIfSet(Map<String, Object> parts, String name, String value) {
        if (value != null) {
            parts.put(name, value);
        }
    }

    private static Map<String, List<String>> scopes() {
        Map<String, List<String>> scopes = new LinkedHashMap<>();
        scopes.put(Scope.PROFILE, List.of("name", "family_name", "given_name", "middle_name", "nickname",
                "preferred_username", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"));
        scopes.put(Scope.EMAIL, List.of("email", "email_verified"));
        scopes.put(Scope.ADDRESS, List.of("address"));
        scopes.put(Scope.PHONE, List.of("phone_number", "phone_number_verified"));
        return Collections.unmodifiableMap(scopes);
    }

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        scopes().values().forEach(names::addAll);
        return Collections.unmodifiableSet(names);
    }
}
