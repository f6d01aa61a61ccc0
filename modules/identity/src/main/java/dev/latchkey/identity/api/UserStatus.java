package dev.latchkey.identity.api;

/** Whether a user may log in. */
public enum UserStatus {
    /** May log in. */
    ACTIVE,
    /** Kept, but every login and token request for the user is refused. */
    DISABLED
}
