package dev.latchkey.oauth.internal.persistence;

import static dev.latchkey.kernel.testing.PersistenceUnitHarness.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** db/oauth/changelog.xml applies, rolls back completely and applies again, on H2 and on PostgreSQL alike. */
class OAuthChangelogTest {

    private static final List<String> TABLES = List.of("oauth_backchannel_logout_failure", "oauth_client",
            "oauth_consent", "oauth_initial_access_token",
            "oauth_refresh_token", "oauth_resource_server", "oauth_signing_key");

    @Test
    void changelogWhenAppliedRolledBackAndReappliedOnH2ThenSameTables() throws Exception {
        OAuthSchema.HARNESS.onH2(OAuthChangelogTest::roundTrip);
    }

    @Test
    void changelogWhenAppliedRolledBackAndReappliedOnPostgresThenSameTables() throws Exception {
        OAuthSchema.HARNESS.onPostgres(OAuthChangelogTest::roundTrip);
    }

    private static void roundTrip(Connection connection) throws Exception {
        OAuthSchema.HARNESS.update(connection);
        assertEquals(TABLES, tables(connection));
        OAuthSchema.HARNESS.rollbackAll(connection);
        assertEquals(List.of(), tables(connection));
        OAuthSchema.HARNESS.update(connection);
        assertEquals(TABLES, tables(connection));
        // one active key per algorithm, any number of inactive ones
        execute(connection, "insert into oauth_signing_key (kid, alg, status, active_alg, public_jwk, "
                + "private_jwk, created_at) values ('k1', 'ES256', 'active', 'ES256', '{}', 'x', CURRENT_TIMESTAMP)");
        execute(connection, "insert into oauth_signing_key (kid, alg, status, active_alg, public_jwk, "
                + "private_jwk, created_at) values ('k2', 'ES256', 'retired', null, '{}', 'x', CURRENT_TIMESTAMP)");
        execute(connection, "insert into oauth_signing_key (kid, alg, status, active_alg, public_jwk, "
                + "private_jwk, created_at) values ('k3', 'ES256', 'retired', null, '{}', 'x', CURRENT_TIMESTAMP)");
        assertThrows(SQLException.class, () -> execute(connection, "insert into oauth_signing_key (kid, "
                + "alg, status, active_alg, public_jwk, private_jwk, created_at) values ('k4', 'ES256', 'active', "
                + "'ES256', '{}', 'x', CURRENT_TIMESTAMP)"));
        // rotation's times: a retired key records when it was activated and retired
        execute(connection, "insert into oauth_signing_key (kid, alg, status, active_alg, public_jwk, private_jwk, "
                + "created_at, activated_at, retired_at) values ('k5', 'RS256', 'retired', null, '{}', 'x', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    private static List<String> tables(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        List<String> tables = new ArrayList<>();
        String pattern = connection.getMetaData().storesUpperCaseIdentifiers() ? schema.toUpperCase(Locale.ROOT) : schema;
        try (ResultSet rows = connection.getMetaData().getTables(null, pattern, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (name.startsWith("oauth_")) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }
}
