package dev.latchkey.identity.internal.web;

import java.util.List;

/** The body of {@code POST /api/v1/admin/users}; {@code password} and {@code roles} are optional. */
public record CreateUserRequest(String username, String email, Boolean emailVerified, String givenName,
                                String familyName, String name, String password, List<String> roles) {
}
