package dev.latchkey.kernel.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of a repository contract test: each test gets the persistence unit on a new database
 * with the changelog applied, which each subclass chooses (H2 or PostgreSQL), and drops it after.
 */
public abstract class PersistenceUnitContract {

    /** The open unit of the running test. */
    protected PersistenceUnitHarness.OpenUnit unit;

    /** The persistence unit on a new database with the changelog applied. */
    protected abstract PersistenceUnitHarness.OpenUnit openUnit() throws Exception;

    @BeforeEach
    protected final void openPersistenceUnit() throws Exception {
        unit = openUnit();
    }

    @AfterEach
    protected final void closePersistenceUnit() throws Exception {
        unit.close();
    }
}
