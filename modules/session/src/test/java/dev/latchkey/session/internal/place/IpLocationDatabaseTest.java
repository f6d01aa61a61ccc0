package dev.latchkey.session.internal.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.session.api.ApproximatePlace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpLocationDatabaseTest {

    /** Rows as DB-IP ships them: IPv4 then IPv6, sorted, a quoted city, a reserved range. */
    static final String CSV = """
            0.0.0.0,0.255.255.255,ZZ,ZZ,,,0,0
            1.0.0.0,1.0.0.255,OC,AU,Queensland,"South Brisbane",-27.4767,153.017
            2.16.0.0,2.16.255.255,EU,DE,Land Berlin,Berlin,52.52,13.405
            2.17.0.0,2.17.0.255,EU,fr,Île-de-France,"Paris, 1er",48.86,2.34
            8.8.8.0,8.8.8.255,NA,US,California,"Mountain View ""HQ""\",37.4,-122.1
            2001:db8::,2001:db8::ffff,EU,PT,Lisboa,Lisbon,38.7,-9.1
            2a00:1450::,2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff,EU,IE,Leinster,Dublin,53.3,-6.2
            """;

    @TempDir
    Path directory;

    private IpLocationDatabase database(String csv) throws IOException {
        Path file = directory.resolve("dbip-city-lite.csv");
        Files.writeString(file, csv);
        return new IpLocationDatabase(Optional.of(file.toString()));
    }

    @Test
    void ofWhenAddressInARangeThenThatRangesPlace() throws IOException {
        IpLocationDatabase places = database(CSV);

        assertTrue(places.available());
        assertEquals(Optional.of(new ApproximatePlace("Berlin", "Land Berlin", "DE")), places.of("2.16.0.0"));
        assertEquals(Optional.of(new ApproximatePlace("Berlin", "Land Berlin", "DE")), places.of("2.16.200.7"));
        assertEquals(Optional.of(new ApproximatePlace("Berlin", "Land Berlin", "DE")), places.of("2.16.255.255"));
        assertEquals(Optional.of(new ApproximatePlace("South Brisbane", "Queensland", "AU")), places.of("1.0.0.1"));
        assertEquals(Optional.of(new ApproximatePlace("Paris, 1er", "Île-de-France", "FR")), places.of("2.17.0.9"));
        assertEquals(Optional.of(new ApproximatePlace("Mountain View \"HQ\"", "California", "US")),
                places.of("8.8.8.8"));
    }

    @Test
    void ofWhenIpv6ThenItsOwnRangesAndMappedIpv4AsIpv4() throws IOException {
        IpLocationDatabase places = database(CSV);

        assertEquals(Optional.of(new ApproximatePlace("Lisbon", "Lisboa", "PT")), places.of("2001:db8::1"));
        assertEquals(Optional.of(new ApproximatePlace("Lisbon", "Lisboa", "PT")), places.of("2001:DB8:0:0:0:0:0:FFFF"));
        assertEquals(Optional.of(new ApproximatePlace("Dublin", "Leinster", "IE")),
                places.of("2a00:1450:4001:80b::200e"));
        assertEquals(Optional.empty(), places.of("2001:db8::1:0"), "just past the range");
        assertEquals(Optional.of(new ApproximatePlace("Berlin", "Land Berlin", "DE")), places.of("::ffff:2.16.1.1"));
    }

    @Test
    void ofWhenBetweenRangesBeforeTheFirstOrAfterTheLastThenEmpty() throws IOException {
        IpLocationDatabase places = database(CSV);

        assertEquals(Optional.empty(), places.of("1.0.1.0"));
        assertEquals(Optional.empty(), places.of("2.15.255.255"));
        assertEquals(Optional.empty(), places.of("255.255.255.254"));
        assertEquals(Optional.empty(), places.of("2000::1"));
        assertEquals(Optional.empty(), places.of("2a01::1"));
    }

    @Test
    void ofWhenPrivateLoopbackOrReservedThenEmptyEvenIfTheDatabaseHasARange() throws IOException {
        IpLocationDatabase places = database("""
                0.0.0.0,255.255.255.255,EU,DE,Land Berlin,Berlin,52.52,13.405
                ::,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,EU,DE,Land Berlin,Berlin,52.52,13.405
                """);

        assertTrue(places.of("2.16.0.1").isPresent(), "a public address has the place");
        for (String nonPublic : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.0.1", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fd12:3456::1",
                "ff02::1", "::ffff:127.0.0.1"}) {
            assertEquals(Optional.empty(), places.of(nonPublic), nonPublic);
        }
        assertTrue(places.of("172.32.0.1").isPresent(), "just outside 172.16.0.0/12");
    }

    @Test
    void ofWhenTheAddressIsNoIpLiteralThenEmptyAndNoNameIsLookedUp() throws IOException {
        IpLocationDatabase places = database(CSV);

        for (String notAnAddress : new String[] {null, "", "localhost", "example.com", "abc", "1.2.3", "1.2.3.4.5",
                "256.1.1.1", "1.2.3.-4", "1.2.3.4 ", "2001:db8::1%eth0", "2001:db8:::1", "[2001:db8::1]",
                "2".repeat(100)}) {
            assertEquals(Optional.empty(), places.of(notAnAddress), String.valueOf(notAnAddress));
        }
    }

    @Test
    void aReservedRangeHasNoPlace() throws IOException {
        assertEquals(Optional.empty(), database(CSV).of("0.1.2.3"));
    }

    @Test
    void aGzipCompressedFileIsReadLikeThePlainOne() throws IOException {
        Path file = directory.resolve("dbip-city-lite.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }
        IpLocationDatabase places = new IpLocationDatabase(Optional.of(file.toString()));

        assertEquals(Optional.of(new ApproximatePlace("Lisbon", "Lisboa", "PT")), places.of("2001:db8::42"));
    }

    @Test
    void withoutTheSettingNothingIsAvailable() {
        IpLocationDatabase places = new IpLocationDatabase(Optional.empty());

        assertFalse(places.available());
        assertEquals(Optional.empty(), places.of("2.16.0.1"));
        assertFalse(new IpLocationDatabase(Optional.of("  ")).available());
    }

    @Test
    void aMissingOrUnreadableFileMeansNoPlacesNotAFailure() throws IOException {
        assertFalse(new IpLocationDatabase(Optional.of(directory.resolve("absent.csv").toString())).available());
        assertFalse(database("1.0.0.0,1.0.0.255,OC,AU\n").available(), "too few fields");
        assertFalse(database("1.0.0.0,not-an-ip,OC,AU,Q,B,0,0\n").available(), "not an address");
        assertFalse(database("1.0.0.0,2001:db8::,OC,AU,Q,B,0,0\n").available(), "mixed families");
        assertFalse(database("1.0.0.9,1.0.0.1,OC,AU,Q,B,0,0\n").available(), "ends before it starts");
        assertFalse(database("1.0.0.0,1.0.0.255,OC,AU,Q,\"B,0,0\n").available(), "an open quote");
        assertFalse(database("""
                2.0.0.0,2.0.0.255,EU,DE,B,B,0,0
                1.0.0.0,1.0.0.255,OC,AU,Q,B,0,0
                """).available(), "unsorted");
        assertFalse(database("""
                1.0.0.0,1.0.0.255,OC,AU,Q,B,0,0
                1.0.0.255,1.0.1.255,OC,AU,Q,B,0,0
                """).available(), "overlapping");
    }

    @Test
    void blankLinesAndCommentsAreSkipped() throws IOException {
        IpLocationDatabase places = database("# test data\n\n" + CSV + "\n");

        assertTrue(places.of("8.8.8.8").isPresent());
    }
}
