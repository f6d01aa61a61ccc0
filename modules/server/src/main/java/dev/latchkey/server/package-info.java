/**
 * The WAR: wiring, the JAX-RS application, start-up (schema migration, bootstrap, import),
 * health checks, error mappers and pages. No business rules live here.
 */
package dev.latchkey.server;
