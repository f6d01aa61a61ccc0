package dev.latchkey.oauth.internal.persistence;

import dev.latchkey.kernel.testing.PersistenceUnitHarness;

/** {@link JpaRepositoriesContract} on the local PostgreSQL, in a throw-away schema; skipped when it does not answer. */
class JpaRepositoriesPostgresTest extends JpaRepositoriesContract {

    @Override
    protected PersistenceUnitHarness.OpenUnit openUnit() throws Exception {
        return OAuthSchema.HARNESS.openOnPostgres();
    }
}
