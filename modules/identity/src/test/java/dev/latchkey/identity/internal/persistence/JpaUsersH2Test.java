package dev.latchkey.identity.internal.persistence;

import dev.latchkey.kernel.testing.PersistenceUnitHarness;

/** {@link JpaUsersContract} on H2, the embedded default. */
class JpaUsersH2Test extends JpaUsersContract {

    @Override
    protected PersistenceUnitHarness.OpenUnit openUnit() throws Exception {
        return IdentitySchema.HARNESS.openOnH2();
    }
}
