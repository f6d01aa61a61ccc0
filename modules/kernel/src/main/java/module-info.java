/**
 * The kernel: what every other module builds on. Exports only its {@code api} package.
 */
module dev.latchkey.kernel {
    exports dev.latchkey.kernel.api;

    requires static jakarta.cdi;
    requires static jakarta.inject;
    requires static jakarta.annotation;
    requires static jakarta.ws.rs;
    requires static microprofile.config.api;
    requires redis.clients.jedis;
    requires com.google.crypto.tink;
    requires java.logging;
}
