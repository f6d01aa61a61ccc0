package dev.latchkey.session.api;

/** Why a session ended. */
public enum SessionEndReason {
    /** The user logged out. */
    LOGOUT,
    /** The user ended it from another session (the account page). */
    ENDED_BY_USER,
    /** An administrator ended it. */
    ENDED_BY_ADMIN,
    /** Another user logged in in the same browser. */
    REPLACED,
    /** The user started more sessions than allowed and this was the oldest ({@code end-oldest}). */
    LIMIT_REACHED,
    /** The idle timeout or the absolute lifetime passed. */
    EXPIRED,
    /** The user's credentials changed (password reset, account disabled). */
    CREDENTIALS_CHANGED
}
