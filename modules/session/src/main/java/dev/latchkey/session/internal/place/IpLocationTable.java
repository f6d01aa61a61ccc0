package dev.latchkey.session.internal.place;

import dev.latchkey.session.api.ApproximatePlace;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An IP-to-city table read from DB-IP's free "IP to City Lite" CSV: one range a line,
 * {@code ip_start,ip_end,continent,country,stateprov,city,latitude,longitude}, IPv4 and IPv6,
 * sorted by start (as DB-IP ships it). Fields may be double-quoted, with {@code ""} for a quote.
 * Blank lines and lines starting with {@code #} are skipped; coordinates are not kept (a list of
 * sessions shows a city, not a position). Ranges of the reserved country {@code ZZ} have no place.
 * Places are shared between the rows naming the same one.
 *
 * @see <a href="https://db-ip.com/db/download/ip-to-city-lite">DB-IP IP to City Lite</a>
 */
final class IpLocationTable {

    private static final int START = 0;
    private static final int END = 1;
    private static final int COUNTRY = 3;
    private static final int REGION = 4;
    private static final int CITY = 5;
    private static final String RESERVED_COUNTRY = "ZZ";

    private final AddressRanges ipv4 = new AddressRanges(false);
    private final AddressRanges ipv6 = new AddressRanges(true);
    private final List<ApproximatePlace> places = new ArrayList<>();

    private IpLocationTable() {
    }

    /** Reads the whole CSV; a line that cannot be read fails the load with its number. */
    static IpLocationTable read(BufferedReader csv) throws IOException {
        IpLocationTable table = new IpLocationTable();
        Map<ApproximatePlace, Integer> known = new HashMap<>();
        int number = 0;
        for (String line = csv.readLine(); line != null; line = csv.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                table.addRow(CsvFields.split(line), known);
            } catch (IllegalArgumentException unreadable) {
                throw new IOException("line " + number + ": " + unreadable.getMessage(), unreadable);
            }
        }
        table.ipv4.trim();
        table.ipv6.trim();
        return table;
    }

    private void addRow(List<String> fields, Map<ApproximatePlace, Integer> known) {
        if (fields.size() <= CITY) {
            throw new IllegalArgumentException("expected at least " + (CITY + 1) + " fields, found " + fields.size());
        }
        IpAddress start = IpAddress.parse(fields.get(START).trim())
                .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + fields.get(START)));
        IpAddress end = IpAddress.parse(fields.get(END).trim())
                .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + fields.get(END)));
        if (start.ipv6() != end.ipv6()) {
            throw new IllegalArgumentException("the range mixes IPv4 and IPv6");
        }
        String country = fields.get(COUNTRY).trim().toUpperCase(Locale.ROOT);
        if (country.isEmpty() || RESERVED_COUNTRY.equals(country)) {
            return;
        }
        ApproximatePlace place = new ApproximatePlace(blankToNull(fields.get(CITY)), blankToNull(fields.get(REGION)),
                country);
        int index = known.computeIfAbsent(place, newPlace -> {
            places.add(newPlace);
            return places.size() - 1;
        });
        (start.ipv6() ? ipv6 : ipv4).add(start, end, index);
    }

    /** The place of the range holding the address; empty when no range does. */
    Optional<ApproximatePlace> placeOf(IpAddress address) {
        int index = (address.ipv6() ? ipv6 : ipv4).placeOf(address);
        return index < 0 ? Optional.empty() : Optional.of(places.get(index));
    }

    /** How many ranges have a place. */
    int size() {
        return ipv4.size() + ipv6.size();
    }

    private static String blankToNull(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
