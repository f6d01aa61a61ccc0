/**
 * OAuth owns clients ({@code oauth_client}), signing keys ({@code oauth_signing_key}), refresh
 * tokens ({@code oauth_refresh_token}) and every protocol endpoint: discovery, JWKS,
 * authorization, token, userinfo. Authorization codes live in the kernel's ephemeral store.
 * It reads users through {@code identity}'s UserDirectory and sessions through
 * {@code session}'s SsoSessions; it listens to {@link dev.latchkey.kernel.api.ServerStarting}.
 */
package dev.latchkey.oauth;
