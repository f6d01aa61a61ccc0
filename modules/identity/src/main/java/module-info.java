/**
 * Identity: users, credentials and the login chain. Exports only its api and events.
 */
module dev.latchkey.identity {
    exports dev.latchkey.identity.api;
    exports dev.latchkey.identity.events;

    requires dev.latchkey.kernel;
    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires static jakarta.annotation;
    requires static jakarta.persistence;
    requires static jakarta.transaction;
    requires static jakarta.ws.rs;
    requires static jakarta.json.bind;
    requires static jakarta.json;
    requires static microprofile.config.api;
    requires static org.eclipse.microprofile.openapi;
    requires static microprofile.jwt.auth.api;
    requires password4j;
    requires java.logging;
}
