package dev.latchkey.oauth.internal.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * How values are written to this module's columns: instants as UTC {@code timestamp} without
 * zone (the one timestamp type H2 and PostgreSQL map alike), lists space-separated.
 */
final class Columns {

    private Columns() {
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static String joined(Collection<String> values) {
        return String.join(" ", values);
    }

    static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(" ")).filter(part -> !part.isEmpty()).toList();
    }
}
