/**
 * Session: single-sign-on sessions behind the login cookie. Exports only its api and events.
 */
module dev.latchkey.session {
    exports dev.latchkey.session.api;
    exports dev.latchkey.session.events;

    requires dev.latchkey.kernel;
    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires static jakarta.annotation;
    requires static jakarta.ws.rs;
    requires static jakarta.json.bind;
    requires static microprofile.config.api;
    requires static org.eclipse.microprofile.openapi;
    requires static microprofile.jwt.auth.api;
    requires java.logging;
    requires uap.java;
}
