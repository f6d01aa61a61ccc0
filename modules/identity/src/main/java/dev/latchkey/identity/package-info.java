/**
 * Identity owns users ({@code identity_user}), their password hashes ({@code identity_password},
 * Argon2id; imported bcrypt is upgraded at the next login) and their roles
 * ({@code identity_user_role}); the login chain and its SPI
 * ({@link dev.latchkey.identity.api.AuthenticationStep}) with brute-force protection per
 * username; the bootstrap admin; the admin REST API of users ({@code /api/v1/admin/users}).
 * It listens to {@link dev.latchkey.kernel.api.ServerStarting} only and publishes the events of
 * {@code dev.latchkey.identity.events}.
 */
package dev.latchkey.identity;
