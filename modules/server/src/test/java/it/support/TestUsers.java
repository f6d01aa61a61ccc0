package it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.http.HttpResponse;

/** Creates users through the admin API. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A user with a known password. */
    public record User(String id, String username, String email, String password) {
    }

    public static User aUser() {
        String username = Latchkey.unique("user");
        String password = "pw-" + username + "-long-enough";
        String body = Json.createObjectBuilder()
                .add("username", username)
                .add("email", username + "@example.com")
                .add("emailVerified", true)
                .add("givenName", "Ada")
                .add("familyName", "Tester")
                .add("name", "Ada Tester")
                .add("password", password)
                .build().toString();
        HttpResponse<String> response = Latchkey.sendJson("POST", "/api/v1/admin/users", body, Latchkey.adminToken());
        assertEquals(201, response.statusCode(), response.body());
        return new User(Latchkey.json(response).getString("id"), username, username + "@example.com", password);
    }
}
