package dev.latchkey.kernel.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that happened inside one module and that other modules may react to.
 * Implementations are immutable records named in the past tense that carry ids and values only.
 */
public interface DomainEvent {

    /** A unique id of this occurrence, so a listener can process it once. */
    UUID eventId();

    /** When it happened. */
    Instant occurredAt();
}
