package dev.latchkey.identity.internal.persistence;

import dev.latchkey.kernel.testing.PersistenceUnitHarness;

/** {@link JpaUsersContract} on the local PostgreSQL, in a throw-away schema; skipped when it does not answer. */
class JpaUsersPostgresTest extends JpaUsersContract {

    @Override
    protected PersistenceUnitHarness.OpenUnit openUnit() throws Exception {
        return IdentitySchema.HARNESS.openOnPostgres();
    }
}
