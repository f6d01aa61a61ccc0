package dev.latchkey.identity.api;

/**
 * The standard claims of OIDC Core §5.1 a user has beyond the username, names and email: all
 * optional. {@code birthdate} is {@code YYYY-MM-DD}, {@code YYYY} or {@code 0000-MM-DD};
 * {@code zoneinfo} a tz database zone; {@code locale} a BCP 47 language tag; {@code phoneNumber}
 * preferably E.164 ({@code +1 (425) 555-1212;ext=5678} is accepted too), verified only while set.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims">OIDC Core §5.1</a>
 */
public record ProfileDetails(String middleName, String nickname, String picture, String website, String gender,
                             String birthdate, String zoneinfo, String locale, String phoneNumber,
                             boolean phoneNumberVerified, PostalAddress address) {

    /** None of these claims. */
    public static final ProfileDetails NONE = new ProfileDetails(null, null, null, null, null, null, null, null, null,
            false, PostalAddress.NONE);

    public ProfileDetails {
        address = address == null ? PostalAddress.NONE : address;
    }
}
