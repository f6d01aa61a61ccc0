package dev.latchkey.identity.internal.persistence;

import dev.latchkey.kernel.testing.PersistenceUnitHarness;

/** Identity's changelog and persistence unit on test databases. */
final class IdentitySchema {

    static final PersistenceUnitHarness HARNESS = new PersistenceUnitHarness("identity", "db/identity/changelog.xml", 4);

    private IdentitySchema() {
    }
}
