/**
 * Consent: the scopes a user granted each third-party client, remembered per user and client
 * ({@code oauth_consent}), and revocable by the user with the client's refresh tokens.
 */
package dev.latchkey.oauth.internal.consent;
