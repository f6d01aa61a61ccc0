package dev.latchkey.oauth.internal.persistence;

import dev.latchkey.kernel.testing.PersistenceUnitHarness;

/** The oauth changelog and persistence unit on test databases. */
final class OAuthSchema {

    static final PersistenceUnitHarness HARNESS = new PersistenceUnitHarness("oauth", "db/oauth/changelog.xml", 11);

    private OAuthSchema() {
    }
}
