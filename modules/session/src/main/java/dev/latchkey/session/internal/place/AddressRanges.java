package dev.latchkey.session.internal.place;

import java.util.Arrays;

/**
 * The ranges of one address family, sorted by start and disjoint, in parallel primitive arrays
 * (a city database has millions of rows: no object per row), each with the index of its place.
 * A lookup is a binary search for the last range starting at or before the address.
 */
final class AddressRanges {

    private final boolean ipv6;
    private long[] startHigh;
    private long[] startLow;
    private long[] endHigh;
    private long[] endLow;
    private int[] places;
    private int size;

    AddressRanges(boolean ipv6) {
        this.ipv6 = ipv6;
        int capacity = 1024;
        this.startLow = new long[capacity];
        this.endLow = new long[capacity];
        this.places = new int[capacity];
        this.startHigh = ipv6 ? new long[capacity] : null;
        this.endHigh = ipv6 ? new long[capacity] : null;
    }

    /** Appends a range; it must start after the previous one ended, so the arrays stay sorted and disjoint. */
    void add(IpAddress start, IpAddress end, int place) {
        if (start.compareTo(end.high(), end.low()) > 0) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
        if (size > 0 && start.compareTo(high(endHigh, size - 1), endLow[size - 1]) <= 0) {
            throw new IllegalArgumentException("the ranges are not sorted by their start or overlap");
        }
        if (size == places.length) {
            resize(size * 2);
        }
        startLow[size] = start.low();
        endLow[size] = end.low();
        places[size] = place;
        if (ipv6) {
            startHigh[size] = start.high();
            endHigh[size] = end.high();
        }
        size++;
    }

    /** The place index of the range holding the address, or -1. */
    int placeOf(IpAddress address) {
        int low = 0;
        int high = size - 1;
        int candidate = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (address.compareTo(high(startHigh, middle), startLow[middle]) >= 0) {
                candidate = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (candidate < 0 || address.compareTo(high(endHigh, candidate), endLow[candidate]) > 0) {
            return -1;
        }
        return places[candidate];
    }

    int size() {
        return size;
    }

    /** Drops the spare capacity once loading is done. */
    void trim() {
        resize(size);
    }

    private void resize(int capacity) {
        startLow = Arrays.copyOf(startLow, capacity);
        endLow = Arrays.copyOf(endLow, capacity);
        places = Arrays.copyOf(places, capacity);
        if (ipv6) {
            startHigh = Arrays.copyOf(startHigh, capacity);
            endHigh = Arrays.copyOf(endHigh, capacity);
        }
    }

    private static long high(long[] highs, int index) {
        return highs == null ? 0 : highs[index];
    }
}
