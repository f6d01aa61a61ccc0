package dev.latchkey.kernel.api;

/**
 * Fired once at start-up after the schema is migrated and before the first request: modules
 * observe it synchronously to make what must exist (signing keys, the bootstrap admin).
 */
public record ServerStarting() {
}
