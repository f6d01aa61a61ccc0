package dev.latchkey.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void newIdIsVersion7WithTheRfc9562VariantAndTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newId();
        long after = System.currentTimeMillis();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after);
    }

    @Test
    void newIdsAreUniqueAndOrderedByTimeAcrossMilliseconds() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId());
        }
        assertEquals(10_000, ids.size());
        UUID first = Ids.newId();
        long firstMillis = first.getMostSignificantBits() >>> 16;
        while (System.currentTimeMillis() <= firstMillis) {
            Thread.onSpinWait();
        }
        UUID second = Ids.newId();
        assertTrue(first.toString().compareTo(second.toString()) < 0);
    }
}
