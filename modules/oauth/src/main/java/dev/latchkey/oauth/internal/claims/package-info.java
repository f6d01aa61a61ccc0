/**
 * Claims about users (OIDC Core §5): the standard claims and the scopes that ask for them, the
 * {@code claims} request parameter, and the authentication context classes ({@code acr}).
 */
package dev.latchkey.oauth.internal.claims;
