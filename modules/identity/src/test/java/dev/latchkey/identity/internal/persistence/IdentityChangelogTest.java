package dev.latchkey.identity.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Applies {@code db/identity/changelog.xml}, checks the constraints the code relies on, rolls
 * every changeset back and applies them again: on H2 always, on the local PostgreSQL when it
 * answers (in a throw-away schema).
 */
class IdentityChangelogTest {

    @Test
    void changelogWhenAppliedRolledBackAndReappliedOnH2ThenSchemaIsComplete() throws Exception {
        IdentitySchema.HARNESS.onH2(IdentityChangelogTest::applyRollBackReapply);
    }

    @Test
    void changelogWhenAppliedRolledBackAndReappliedOnPostgresThenSchemaIsComplete() throws Exception {
        IdentitySchema.HARNESS.onPostgres(IdentityChangelogTest::applyRollBackReapply);
    }

    private static void applyRollBackReapply(Connection connection) throws Exception {
        IdentitySchema.HARNESS.update(connection);
        assertConstraints(connection);

        IdentitySchema.HARNESS.rollbackAll(connection);
        assertFalse(tableExists(connection, "identity_user"));
        assertFalse(tableExists(connection, "identity_password"));
        assertFalse(tableExists(connection, "identity_user_role"));

        IdentitySchema.HARNESS.update(connection);
        assertConstraints(connection);
    }

    private static void assertConstraints(Connection connection) throws SQLException {
        String id = UUID.randomUUID().toString();
        insertUser(connection, id, "alice", "alice@example.com");
        assertThrows(SQLException.class, () -> insertUser(connection, UUID.randomUUID().toString(), "alice", null));
        assertThrows(SQLException.class,
                () -> insertUser(connection, UUID.randomUUID().toString(), "bob", "alice@example.com"));
        insertUser(connection, UUID.randomUUID().toString(), "carol", null);
        insertUser(connection, UUID.randomUUID().toString(), "dave", null);
        execute(connection, "insert into identity_password (user_id, hash, updated_at) values (?, ?, ?)",
                id, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", Timestamp.from(Instant.now()));
        execute(connection, "insert into identity_user_role (user_id, role) values (?, ?)", id, "admin");
        assertThrows(SQLException.class,
                () -> execute(connection, "insert into identity_user_role (user_id, role) values (?, ?)", id, "admin"));

        execute(connection, "delete from identity_user where id = ?", id);
        assertEquals(0, count(connection, "identity_password"));
        assertEquals(0, count(connection, "identity_user_role"));
        execute(connection, "delete from identity_user");
    }

    private static void insertUser(Connection connection, String id, String username, String email)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        execute(connection, "insert into identity_user (id, username, email, email_verified, status, created_at,"
                + " updated_at, version) values (?, ?, ?, false, 'ACTIVE', ?, ?, 0)", id, username, email, now, now);
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        String schema = connection.getSchema();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, schema, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

}
