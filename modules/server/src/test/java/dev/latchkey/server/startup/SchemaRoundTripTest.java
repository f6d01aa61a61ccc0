package dev.latchkey.server.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every changeset of every module applies, rolls back and applies again on the real
 * PostgreSQL, and gives the same tables and columns on H2, the embedded default.
 */
class SchemaRoundTripTest {

    private static final String PG_URL = System.getProperty("latchkey.test.db-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("latchkey.test.db-user", "postgres");

    @Test
    void allChangesetsApplyRollBackAndApplyAgainOnPostgresql() throws SQLException {
        String schema = "lq_roundtrip_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            execute(admin, "create schema " + schema);
            try (Connection connection = DriverManager.getConnection(PG_URL + "?currentSchema=" + schema, PG_USER, "")) {
                SchemaMigration.migrate(connection);
                Set<String> first = columns(connection, schema);
                assertFalse(first.isEmpty(), "the changelogs created no table");

                SchemaRollback.rollback(connection, Integer.MAX_VALUE);
                assertTrue(columns(connection, schema).isEmpty(), "tables left after rolling everything back");

                SchemaMigration.migrate(connection);
                assertEquals(first, columns(connection, schema));
            } finally {
                execute(admin, "drop schema " + schema + " cascade");
            }
        }
    }

    @Test
    void h2AndPostgresqlGetTheSameTablesAndColumns() throws SQLException {
        Set<String> onH2;
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:roundtrip" + UUID.randomUUID(), "sa", "")) {
            SchemaMigration.migrate(h2);
            onH2 = columns(h2, "PUBLIC");
        }
        String schema = "lq_compare_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(PG_URL, PG_USER, "")) {
            execute(admin, "create schema " + schema);
            try (Connection pg = DriverManager.getConnection(PG_URL + "?currentSchema=" + schema, PG_USER, "")) {
                SchemaMigration.migrate(pg);
                assertEquals(onH2, columns(pg, schema));
            } finally {
                execute(admin, "drop schema " + schema + " cascade");
            }
        }
    }

    /** "table.column" of every table of the modules (not Liquibase's own), lower case. */
    private static Set<String> columns(Connection connection, String schema) throws SQLException {
        Set<String> result = new TreeSet<>();
        DatabaseMetaData metadata = connection.getMetaData();
        try (ResultSet rows = metadata.getColumns(null, schema, "%", "%")) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.startsWith("databasechangelog")) {
                    result.add(table + "." + rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
