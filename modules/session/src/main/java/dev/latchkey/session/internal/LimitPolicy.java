package dev.latchkey.session.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a login does when its user already has {@code latchkey.session.max-per-user} live sessions. */
enum LimitPolicy {
    /** The oldest sessions end (SessionEndReason.LIMIT_REACHED) to make room. */
    END_OLDEST("end-oldest"),
    /** The login is refused. */
    REFUSE("refuse");

    private final String configValue;

    LimitPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of {@code latchkey.session.limit-policy}. */
    String configValue() {
        return configValue;
    }

    static LimitPolicy of(String configValue) {
        String value = configValue.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(policy -> policy.configValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("latchkey.session.limit-policy must be one of "
                        + Arrays.stream(values()).map(LimitPolicy::configValue).collect(Collectors.joining(", "))
                        + ", not " + configValue));
    }
}
