/**
 * OAuth: the authorization server and OpenID provider. Exports only its api and events.
 */
module dev.latchkey.oauth {
    exports dev.latchkey.oauth.api;
    exports dev.latchkey.oauth.events;

    requires dev.latchkey.kernel;
    requires dev.latchkey.identity;
    requires dev.latchkey.session;
    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires static jakarta.annotation;
    requires static jakarta.persistence;
    requires static jakarta.transaction;
    requires static jakarta.ws.rs;
    requires static jakarta.servlet;
    requires static jakarta.json.bind;
    requires static jakarta.json;
    requires static microprofile.config.api;
    requires static org.eclipse.microprofile.openapi;
    requires static microprofile.health.api;
    requires static microprofile.jwt.auth.api;
    requires static microprofile.fault.tolerance.api;
    requires com.nimbusds.jose.jwt;
    requires java.logging;
    requires java.net.http;
}
