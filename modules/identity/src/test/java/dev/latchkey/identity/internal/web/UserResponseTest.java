package dev.latchkey.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.identity.api.UserPage;
import dev.latchkey.identity.api.UserStatus;
import dev.latchkey.identity.api.UserView;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserResponseTest {

    private final UserView alice = new UserView(UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057"), "alice",
            "alice@example.com", true, "Alice", "Liddell", "Alice Liddell", UserStatus.DISABLED,
            Set.of("user", "admin"), Instant.parse("2026-11-23T10:15:30Z"), Instant.parse("2026-11-23T11:00:00.123Z"));

    @Test
    void ofWhenUserThenLowerCaseStatusAndSortedRoles() {
        UserResponse response = UserResponse.of(alice);

        assertEquals("disabled", response.status());
        assertEquals(List.of("admin", "user"), response.roles());
    }

    @Test
    void jsonWhenSerializedThenDocumentedShapeWithoutCredential() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(UserPageResponse.of(new UserPage(List.of(alice), 0, 20, 1)));

            assertEquals("{\"items\":[{\"createdAt\":\"2026-11-23T10:15:30Z\",\"email\":\"alice@example.com\","
                    + "\"emailVerified\":true,\"familyName\":\"Liddell\",\"givenName\":\"Alice\","
                    + "\"id\":\"01890a5d-ac96-774b-bcce-b302099a8057\",\"name\":\"Alice Liddell\","
                    + "\"phoneNumberVerified\":false,\"roles\":[\"admin\",\"user\"],\"status\":\"disabled\","
                    + "\"updatedAt\":\"2026-11-23T11:00:00.123Z\",\"username\":\"alice\"}],"
                    + "\"page\":0,\"size\":20,\"total\":1}", json);
            assertFalse(json.toLowerCase(java.util.Locale.ROOT).contains("password"));
        }
    }

    @Test
    void jsonWhenUserHasDetailsThenEveryStandardClaimUnderItsCamelCaseName() throws Exception {
        UserView detailed = new UserView(alice.id(), "alice", null, false, null, null, null,
                new ProfileDetails("P.", "Ali", "https://example.com/a.png", "https://alice.example", "female",
                        "1852-05-04", "Europe/London", "en-GB", "+441865276150", true,
                        new PostalAddress(null, "St Aldates", "Oxford", null, "OX1 1DP", "UK")),
                UserStatus.ACTIVE, Set.of(), alice.createdAt(), alice.updatedAt());
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(UserResponse.of(detailed));

            assertTrue(json.contains("\"address\":{\"country\":\"UK\",\"locality\":\"Oxford\","
                    + "\"postalCode\":\"OX1 1DP\",\"streetAddress\":\"St Aldates\"}"), json);
            assertTrue(json.contains("\"birthdate\":\"1852-05-04\",\"createdAt\""), json);
            assertTrue(json.contains("\"gender\":\"female\""), json);
            assertTrue(json.contains("\"locale\":\"en-GB\",\"middleName\":\"P.\",\"nickname\":\"Ali\","
                    + "\"phoneNumber\":\"+441865276150\",\"phoneNumberVerified\":true,"
                    + "\"picture\":\"https://example.com/a.png\""), json);
            assertTrue(json.contains("\"website\":\"https://alice.example\",\"zoneinfo\":\"Europe/London\""), json);
            assertFalse(json.contains("formatted"), json);
        }
    }

    @Test
    void jsonWhenCreateBodyReadThenRecordFilledAndUnknownFieldsIgnored() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            CreateUserRequest body = jsonb.fromJson("{\"username\":\"bob\",\"emailVerified\":true,"
                    + "\"roles\":[\"user\"],\"passwordHash\":\"$2y$...\","
                    + "\"address\":{\"locality\":\"Oxford\"},\"phoneNumberVerified\":true}", CreateUserRequest.class);

            assertEquals("bob", body.username());
            assertTrue(body.emailVerified());
            assertEquals(List.of("user"), body.roles());
            assertEquals(null, body.password());
            assertEquals("Oxford", body.address().locality());
            assertTrue(body.phoneNumberVerified());
        }
    }
}
