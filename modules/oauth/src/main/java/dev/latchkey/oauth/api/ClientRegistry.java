package dev.latchkey.oauth.api;

/** The facade for managing clients from outside the module (the declarative import). */
public interface ClientRegistry {

    /**
     * Creates the client or, when the client id exists, brings it to the given state. Returns
     * the generated secret when one was made, otherwise null.
     */
    String upsert(ClientDefinition definition);
}
