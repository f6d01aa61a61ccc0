package dev.latchkey.session.internal.place;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IP address as a 128-bit number ({@code high}, {@code low}, compared unsigned); an IPv4
 * address (also when written IPv4-mapped, {@code ::ffff:192.0.2.1}) is its 32 bits in
 * {@code low}. Parsing never asks DNS: only IPv4 dotted quads and IPv6 literals are read.
 */
record IpAddress(boolean ipv6, long high, long low) {

    /** The longest IPv6 literal with an embedded IPv4 address. */
    private static final int MAX_LENGTH = 45;

    static Optional<IpAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    private static Optional<IpAddress> parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = value << 8 | octet;
        }
        return Optional.of(new IpAddress(false, 0, value));
    }

    private static Optional<IpAddress> parseIpv6(String text) {
        boolean literal = text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!literal) {
            return Optional.empty();
        }
        try {
            // a text with a colon is parsed as an IPv6 literal, never looked up (InetAddress.getAllByName)
            byte[] bytes = InetAddress.getByName(text).getAddress();
            if (bytes.length == 4) {
                return Optional.of(new IpAddress(false, 0, Integer.toUnsignedLong(toInt(bytes, 0))));
            }
            return Optional.of(new IpAddress(true, toLong(bytes, 0), toLong(bytes, 8)));
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }

    /**
     * True for addresses that say nothing about a place: loopback, unspecified, private (RFC 1918,
     * RFC 6598 shared, RFC 4193 unique local), link-local and multicast.
     */
    boolean isNonPublic() {
        if (!ipv6) {
            int a = (int) (low >>> 24);
            int b = (int) (low >>> 16) & 0xff;
            return a == 0 || a == 10 || a == 127 || a >= 224
                    || (a == 172 && b >= 16 && b <= 31)
                    || (a == 192 && b == 168)
                    || (a == 169 && b == 254)
                    || (a == 100 && b >= 64 && b <= 127);
        }
        int firstByte = (int) (high >>> 56);
        int firstTenBits = (int) (high >>> 54);
        boolean unspecifiedOrLoopback = high == 0 && (low == 0 || low == 1);
        return unspecifiedOrLoopback
                || (firstByte & 0xfe) == 0xfc      // fc00::/7 unique local
                || firstTenBits == 0x3fa           // fe80::/10 link-local
                || firstByte == 0xff;              // ff00::/8 multicast
    }

    /** Unsigned order; the caller compares addresses of one family. */
    int compareTo(long otherHigh, long otherLow) {
        int byHigh = Long.compareUnsigned(high, otherHigh);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, otherLow);
    }

    private static long toLong(byte[] bytes, int offset) {
        return (long) toInt(bytes, offset) << 32 | Integer.toUnsignedLong(toInt(bytes, offset + 4));
    }

    private static int toInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | (bytes[offset + 3] & 0xff);
    }
}
