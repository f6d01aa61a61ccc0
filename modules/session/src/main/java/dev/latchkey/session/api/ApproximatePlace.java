package dev.latchkey.session.api;

/**
 * Roughly where an IP address is, from the operator's IP database: good enough to tell "Berlin"
 * from "Lisbon" on a list of sessions, never a position. Each part may be null when the
 * database does not know it.
 *
 * @param city        the city, as the database names it
 * @param region      the state, province or region, as the database names it
 * @param countryCode the ISO 3166-1 alpha-2 country code, upper case
 */
public record ApproximatePlace(String city, String region, String countryCode) {
}
