package dev.latchkey.identity.api;

/**
 * A user's postal address, the {@code address} claim of OIDC Core §5.1.1: each part optional,
 * {@code formatted} and {@code streetAddress} may span lines.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AddressClaim">OIDC Core §5.1.1</a>
 */
public record PostalAddress(String formatted, String streetAddress, String locality, String region,
                            String postalCode, String country) {

    /** No address at all: compare with {@code equals}. */
    public static final PostalAddress NONE = new PostalAddress(null, null, null, null, null, null);
}
