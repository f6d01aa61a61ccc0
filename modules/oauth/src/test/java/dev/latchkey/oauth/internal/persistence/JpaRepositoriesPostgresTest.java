package dev.latchkey.oauth.internal.persistence;

import java.sql.Connection;

/** {@link JpaRepositoriesContract} on the local PostgreSQL, in a throw-away schema; skipped when it does not answer. */
class JpaRepositoriesPostgresTest extends JpaRepositoriesContract {

    private String schema;

    @Override
    String[] prepareDatabase() throws Exception {
        schema = OAuthSchema.newSchemaName();
        try (Connection admin = OAuthSchema.postgresOrSkip("")) {
            OAuthSchema.execute(admin, "create schema " + schema);
        }
        try (Connection connection = OAuthSchema.postgresOrSkip("?currentSchema=" + schema)) {
            OAuthSchema.update(connection);
        }
        return new String[] {OAuthSchema.POSTGRES_URL + "?currentSchema=" + schema, "postgres", ""};
    }

    @Override
    void dropDatabase() throws Exception {
        try (Connection admin = OAuthSchema.postgresOrSkip("")) {
            OAuthSchema.execute(admin, "drop schema " + schema + " cascade");
        }
    }
}
