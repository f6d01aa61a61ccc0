package it;

import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Display;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCClaimsRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.ClaimRequirement;
import com.nimbusds.openid.connect.sdk.claims.ClaimsSetRequest;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.TestClients;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The standard claims and the request parameters about them, with the Nimbus OAuth 2.0 SDK as
 * the relying party against the real server: the scopes of OIDC Core §5.4 in userinfo, the
 * {@code claims} parameter (§5.5) into the ID token and userinfo and through a refresh,
 * {@code acr_values} echoed as {@code acr}, an essential {@code acr} that cannot be met,
 * {@code id_token_hint}, {@code display} and {@code claims_locales}, and a user editing the
 * profile behind those claims through {@code /api/v1/account}.
 */
class ClaimsRequestIT {

    private static final String REDIRECT = "https://rp.example.com/claims-cb";
    private static final String PASSWORD_ACR = "urn:latchkey:acr:pwd";
    private static OIDCProviderMetadata provider;
    private static TestClients.Registered client;
    private static Person alice;
    private static Person bob;

    /** A user created with every standard claim, and the Cookie header of a browser signed in as them. */
    private record Person(String id, String username, String session) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        provider = OIDCProviderMetadata.resolve(new Issuer(Latchkey.BASE_URL));
        client = register();
        alice = person();
        bob = person();
    }

    private static TestClients.Registered register() {
        String clientId = Latchkey.unique("it-claims");
        JsonObject body = Json.createObjectBuilder().add("client_id", clientId).add("client_type", "confidential")
                .add("redirect_uris", Json.createArrayBuilder().add(REDIRECT))
                .add("grant_types", Json.createArrayBuilder().add("authorization_code").add("refresh_token"))
                .add("scope", "openid profile email address phone offline_access").add("first_party", true).build();
        HttpResponse<String> response = Latchkey.sendJson("POST", "/api/v1/admin/clients", body.toString(),
                Latchkey.adminToken());
        assertEquals(201, response.statusCode(), response.body());
        return new TestClients.Registered(clientId, Latchkey.json(response).getString("client_secret"), REDIRECT);
    }

    private static Person person() {
        String username = Latchkey.unique("claims");
        String password = "pw-" + username + "-long-enough";
        JsonObject body = Json.createObjectBuilder().add("username", username)
                .add("email", username + "@example.com").add("emailVerified", true).add("givenName", "Alice")
                .add("familyName", "Liddell").add("name", "Alice Liddell").add("nickname", "Ali")
                .add("birthdate", "1852-05-04").add("zoneinfo", "Europe/London").add("locale", "en-GB")
                .add("phoneNumber", "+441865276150").add("phoneNumberVerified", true)
                .add("address", Json.createObjectBuilder().add("streetAddress", "St Aldates").add("locality", "Oxford")
                        .add("postalCode", "OX1 1DP").add("country", "United Kingdom"))
                .add("password", password).build();
        HttpResponse<String> response = Latchkey.sendJson("POST", "/api/v1/admin/users", body.toString(),
                Latchkey.adminToken());
        assertEquals(201, response.statusCode(), response.body());
        return new Person(Latchkey.json(response).getString("id"), username,
                HttpLogin.sessionCookie(username, password));
    }

    /** The Nimbus request for the client, with PKCE and a nonce, before the customizing of {@code more}. */
    private static AuthenticationRequest.Builder request(Scope scope, CodeVerifier verifier, Nonce nonce) {
        return new AuthenticationRequest.Builder(new ResponseType("code"), scope, new ClientID(client.clientId()),
                URI.create(REDIRECT))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State())
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
    }

    /** What the authorization endpoint redirects the browser with {@code session} back with. */
    private static AuthorizationResponse authorize(String session, String query) throws Exception {
        HttpResponse<String> redirect = HttpLogin.authorize(session, query);
        assertEquals(303, redirect.statusCode(), redirect.body());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        return AuthorizationResponse.parse(URI.create(location));
    }

    private static OIDCTokenResponse redeem(AuthorizationResponse response, CodeVerifier verifier) throws Exception {
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret())),
                new AuthorizationCodeGrant(response.toSuccessResponse().getAuthorizationCode(), URI.create(REDIRECT),
                        verifier)).toHTTPRequest().send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        return (OIDCTokenResponse) tokens.toSuccessResponse();
    }

    private static IDTokenClaimsSet validated(JWT idToken, Nonce nonce) throws Exception {
        return new IDTokenValidator(provider.getIssuer(), new ClientID(client.clientId()), JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL()).validate(idToken, nonce);
    }

    private static UserInfo userinfo(BearerAccessToken token) throws Exception {
        UserInfoResponse response = UserInfoResponse.parse(
                new UserInfoRequest(provider.getUserInfoEndpointURI(), token).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse().getUserInfo();
    }

    private static ErrorObject error(AuthorizationResponse response) {
        assertFalse(response.indicatesSuccess());
        return response.toErrorResponse().getErrorObject();
    }

    /** An ID token Latchkey issued to the client for {@code person}. */
    private static JWT idTokenOf(Person person) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        return redeem(authorize(person.session(), request(new Scope("openid"), verifier, nonce).build()
                .toQueryString()), verifier).getOIDCTokens().getIDToken();
    }

    @Test
    void discoveryAdvertisesTheClaimsParameterAcrValuesDisplayValuesAndTheStandardScopes() {
        assertTrue(provider.supportsClaimsParam());
        assertEquals(List.of(new ACR(PASSWORD_ACR)), provider.getACRs());
        assertEquals(List.of(Display.PAGE, Display.POPUP, Display.TOUCH, Display.WAP), provider.getDisplays());
        assertTrue(provider.getScopes().containsAll(new Scope("openid", "profile", "email", "address", "phone",
                "offline_access")));
        assertTrue(provider.getClaims().containsAll(List.of("acr", "address", "phone_number", "birthdate", "nickname")));
        assertNull(provider.getClaimsLocales());
    }

    @Test
    void theScopesOfOidcCoreFiveFourGiveTheirClaimsFromUserinfoAndNotInTheIdToken() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();

        OIDCTokenResponse tokens = redeem(authorize(alice.session(), request(new Scope("openid", "address", "phone"),
                verifier, nonce).build().toQueryString()), verifier);

        IDTokenClaimsSet idToken = validated(tokens.getOIDCTokens().getIDToken(), nonce);
        assertNull(idToken.getClaim("address"));
        assertNull(idToken.getClaim("phone_number"));
        assertEquals(new ACR(PASSWORD_ACR), idToken.getACR());
        UserInfo claims = userinfo(tokens.getOIDCTokens().getBearerAccessToken());
        assertEquals("+441865276150", claims.getPhoneNumber());
        assertTrue(claims.getPhoneNumberVerified());
        assertEquals("Oxford", claims.getAddress().getLocality());
        assertEquals("OX1 1DP", claims.getAddress().getPostalCode());
        assertNull(claims.getName());
        assertNull(claims.getEmailAddress());
    }

    @Test
    void theClaimsParameterPutsClaimsInTheIdTokenAndUserinfoAndARefreshKeepsThem() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        OIDCClaimsRequest claims = new OIDCClaimsRequest()
                .withIDTokenClaimsRequest(new ClaimsSetRequest().add("email")
                        .add(new ClaimsSetRequest.Entry("address").withClaimRequirement(ClaimRequirement.ESSENTIAL))
                        .add("http://example.info/claims/unknown"))
                .withUserInfoClaimsRequest(new ClaimsSetRequest().add("phone_number").add("birthdate")
                        .add("nickname"));
        AuthenticationRequest request = request(new Scope("openid", "offline_access"), verifier, nonce)
                .claims(claims)
                .acrValues(List.of(new ACR("urn:mace:incommon:iap:silver"), new ACR(PASSWORD_ACR)))
                .display(Display.POPUP)
                .claimsLocales(List.of(LangTag.parse("fr-CA"), LangTag.parse("en")))
                .build();

        OIDCTokenResponse tokens = redeem(authorize(alice.session(), request.toQueryString()), verifier);

        IDTokenClaimsSet idToken = validated(tokens.getOIDCTokens().getIDToken(), nonce);
        assertEquals(alice.username() + "@example.com", idToken.getStringClaim("email"));
        assertEquals("Oxford", ((Map<?, ?>) idToken.getClaim("address")).get("locality"));
        assertNull(idToken.getClaim("http://example.info/claims/unknown"));
        assertEquals(new ACR(PASSWORD_ACR), idToken.getACR());
        UserInfo info = userinfo(tokens.getOIDCTokens().getBearerAccessToken());
        assertEquals("+441865276150", info.getPhoneNumber());
        assertEquals("1852-05-04", info.getBirthdate());
        assertEquals("Ali", info.getNickname());
        assertNull(info.getEmailAddress(), "email was asked for the ID token only");

        TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret())),
                new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())).toHTTPRequest().send());
        assertTrue(refreshed.indicatesSuccess(), () -> refreshed.toErrorResponse().getErrorObject().toString());
        OIDCTokenResponse again = (OIDCTokenResponse) refreshed.toSuccessResponse();
        assertEquals("Ali", userinfo(again.getOIDCTokens().getBearerAccessToken()).getNickname());
        assertEquals(alice.username() + "@example.com",
                JWTParser.parse(again.getOIDCTokens().getIDTokenString()).getJWTClaimsSet().getStringClaim("email"));
    }

    @Test
    void anEssentialAcrLatchkeyCannotMeetIsUnmetAuthenticationRequirements() throws Exception {
        OIDCClaimsRequest claims = new OIDCClaimsRequest().withIDTokenClaimsRequest(new ClaimsSetRequest()
                .add(new ClaimsSetRequest.Entry("acr").withClaimRequirement(ClaimRequirement.ESSENTIAL)
                        .withValues(List.of("urn:latchkey:acr:mfa"))));

        AuthorizationResponse response = authorize(alice.session(), request(new Scope("openid"), new CodeVerifier(),
                new Nonce()).claims(claims).build().toQueryString());

        assertEquals("unmet_authentication_requirements", error(response).getCode());
    }

    @Test
    void malformedClaimsAndUnknownDisplayAreInvalidRequest() throws Exception {
        String base = request(new Scope("openid"), new CodeVerifier(), new Nonce()).build().toQueryString();

        assertEquals("invalid_request", error(authorize(alice.session(),
                base + "&" + form(params("claims", "{\"userinfo\":[1]}")))).getCode());
        assertEquals("invalid_request", error(authorize(alice.session(),
                base + "&" + form(params("claims", "{not json")))).getCode());
        assertEquals("invalid_request", error(authorize(alice.session(),
                base + "&" + form(params("display", "fullscreen")))).getCode());
    }

    @Test
    void anIdTokenHintOfTheSessionUserGivesACodeUnderPromptNoneAndOfAnotherUserLoginRequired() throws Exception {
        JWT aliceIdToken = idTokenOf(alice);

        AuthorizationResponse same = authorize(alice.session(), request(new Scope("openid"), new CodeVerifier(),
                new Nonce()).prompt(new Prompt(Prompt.Type.NONE)).idTokenHint(aliceIdToken).build().toQueryString());
        AuthorizationResponse other = authorize(bob.session(), request(new Scope("openid"), new CodeVerifier(),
                new Nonce()).prompt(new Prompt(Prompt.Type.NONE)).idTokenHint(aliceIdToken).build().toQueryString());

        assertTrue(same.indicatesSuccess(), () -> same.toErrorResponse().getErrorObject().toString());
        assertEquals("login_required", error(other).getCode());
    }

    @Test
    void aForgedIdTokenHintIsInvalidRequest() throws Exception {
        String hint = idTokenOf(alice).serialize();
        String forged = hint.substring(0, hint.length() - 6) + "AAAAAA";
        String base = request(new Scope("openid"), new CodeVerifier(), new Nonce()).build().toQueryString();

        assertEquals("invalid_request", error(authorize(alice.session(),
                base + "&" + form(params("id_token_hint", forged)))).getCode());
    }

    @Test
    void aUserEditsTheirOwnProfileAndAChangedPhoneNumberIsNoLongerVerified() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        OIDCTokenResponse tokens = redeem(authorize(bob.session(), request(new Scope("openid", "phone"), verifier,
                new Nonce()).build().toQueryString()), verifier);
        String body = Json.createObjectBuilder().add("email", bob.username() + "@example.com")
                .add("nickname", "Bobby").add("phoneNumber", "+442079460000").add("zoneinfo", "Europe/Paris")
                .add("address", Json.createObjectBuilder().add("country", "France")).build().toString();

        HttpResponse<String> edited = Latchkey.sendJson("PUT", "/api/v1/account", body,
                tokens.getOIDCTokens().getAccessToken().getValue());

        assertEquals(200, edited.statusCode(), edited.body());
        JsonObject account = Latchkey.json(edited);
        assertEquals("Bobby", account.getString("nickname"));
        assertFalse(account.getBoolean("phoneNumberVerified"));
        assertTrue(account.getBoolean("emailVerified"));
        assertEquals("France", account.getJsonObject("address").getString("country"));
        assertFalse(account.containsKey("birthdate"), "a field left out is cleared");
        HttpResponse<String> refused = Latchkey.sendJson("PUT", "/api/v1/account", "{\"birthdate\":\"yesterday\"}",
                tokens.getOIDCTokens().getAccessToken().getValue());
        assertEquals(400, refused.statusCode(), refused.body());
    }
}
