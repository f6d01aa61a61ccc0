package dev.latchkey.oauth.internal.persistence;

import dev.latchkey.kernel.testing.PersistenceUnitHarness;

/** {@link JpaRepositoriesContract} on a fresh in-memory H2. */
class JpaRepositoriesH2Test extends JpaRepositoriesContract {

    @Override
    protected PersistenceUnitHarness.OpenUnit openUnit() throws Exception {
        return OAuthSchema.HARNESS.openOnH2();
    }
}
