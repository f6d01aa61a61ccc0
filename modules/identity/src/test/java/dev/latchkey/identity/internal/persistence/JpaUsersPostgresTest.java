package dev.latchkey.identity.internal.persistence;

import java.sql.Connection;

/** {@link JpaUsersContract} on the local PostgreSQL, in a throw-away schema; skipped when it does not answer. */
class JpaUsersPostgresTest extends JpaUsersContract {

    private String schema;

    @Override
    String[] prepareDatabase() throws Exception {
        schema = IdentitySchema.newSchemaName();
        try (Connection admin = IdentitySchema.postgresOrSkip("")) {
            IdentitySchema.execute(admin, "create schema " + schema);
        }
        try (Connection connection = IdentitySchema.postgresOrSkip("?currentSchema=" + schema)) {
            IdentitySchema.update(connection);
        }
        return new String[] {IdentitySchema.POSTGRES_URL + "?currentSchema=" + schema, "postgres", ""};
    }

    @Override
    void dropDatabase() throws Exception {
        try (Connection admin = IdentitySchema.postgresOrSkip("")) {
            IdentitySchema.execute(admin, "drop schema " + schema + " cascade");
        }
    }
}
