/**
 * Identity owns users ({@code identity_user}), their password hashes ({@code identity_password})
 * and their roles ({@code identity_user_role}); the login chain and its SPI
 * ({@link dev.latchkey.identity.api.AuthenticationStep}); the bootstrap admin; the admin REST API
 * of users. It listens to {@link dev.latchkey.kernel.api.ServerStarting} only.
 */
package dev.latchkey.identity;
