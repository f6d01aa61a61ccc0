package dev.latchkey.oauth.api;

/** The facade for managing resource servers from outside the module (the declarative import). */
public interface ResourceServerRegistry {

    /** Creates the resource server or, when its identifier exists, brings it to the given state. */
    void upsert(ResourceServerDefinition definition);
}
