package dev.latchkey.server.metrics;

import dev.latchkey.identity.events.LoginFailed;
import dev.latchkey.identity.events.LoginSucceeded;
import dev.latchkey.oauth.events.BackChannelLogoutFailed;
import dev.latchkey.oauth.events.TokenRequestRefused;
import dev.latchkey.oauth.events.TokensIssued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts logins by outcome, token requests by grant and outcome, and undelivered back-channel
 * logout tokens, from the events the modules publish once per outcome ({@code /metrics}:
 * {@code latchkey_logins_total}, {@code latchkey_token_requests_total},
 * {@code latchkey_backchannel_logout_failures_total}).
 */
@ApplicationScoped
public class OutcomeCounters {

    static final String LOGINS = "latchkey.logins";
    static final String TOKEN_REQUESTS = "latchkey.token.requests";
    static final String BACKCHANNEL_LOGOUT_FAILURES = "latchkey.backchannel.logout.failures";
    private static final Pattern TAG_VALUE = Pattern.compile("[a-z_:.-]{1,64}");

    @Inject
    MetricRegistry registry;

    void loginSucceeded(@Observes LoginSucceeded event) {
        registry.counter(LOGINS, new Tag("outcome", "success")).inc();
    }

    void loginFailed(@Observes LoginFailed event) {
        registry.counter(LOGINS, new Tag("outcome", "failure")).inc();
    }

    void tokensIssued(@Observes TokensIssued event) {
        registry.counter(TOKEN_REQUESTS, new Tag("grant_type", tagValue(event.grantType())),
                new Tag("outcome", "issued")).inc();
    }

    void tokenRequestRefused(@Observes TokenRequestRefused event) {
        registry.counter(TOKEN_REQUESTS, new Tag("grant_type", tagValue(event.grantType())),
                new Tag("outcome", tagValue(event.error()))).inc();
    }

    void backChannelLogoutFailed(@Observes BackChannelLogoutFailed event) {
        // no client tag: client ids are unbounded; the admin API lists the failures per client
        registry.counter(BACKCHANNEL_LOGOUT_FAILURES).inc();
    }

    /** Tag values come from requests: keep the set bounded. */
    static String tagValue(String value) {
        if (value == null || !TAG_VALUE.matcher(value).matches()) {
            return "other";
        }
        return value;
    }
}
