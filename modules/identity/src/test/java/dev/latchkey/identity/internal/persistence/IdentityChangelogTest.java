package dev.latchkey.identity.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Applies {@code db/identity/changelog.xml}, checks the constraints the code relies on, rolls
 * every changeset back and applies them again: on H2 always, on the local PostgreSQL when it
 * answers (in a throw-away schema).
 */
class IdentityChangelogTest {

    private static final String CHANGELOG = "db/identity/changelog.xml";
    private static final int CHANGESETS = 3;
    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

    @Test
    void changelogWhenAppliedRolledBackAndReappliedOnH2ThenSchemaIsComplete() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:mem:identity-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            applyRollBackReapply(connection);
        }
    }

    @Test
    void changelogWhenAppliedRolledBackAndReappliedOnPostgresThenSchemaIsComplete() throws Exception {
        String schema = "identity_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = postgresOrSkip("")) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("create schema " + schema);
            }
            try (Connection connection = postgresOrSkip("?currentSchema=" + schema)) {
                applyRollBackReapply(connection);
            } finally {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    private static Connection postgresOrSkip(String parameters) {
        try {
            return DriverManager.getConnection(POSTGRES_URL + parameters, "postgres", "");
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable on 127.0.0.1:5432: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    private static void applyRollBackReapply(Connection connection) throws Exception {
        update(connection);
        assertConstraints(connection);

        liquibase(connection, database -> new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, CHANGESETS)
                .execute());
        assertFalse(tableExists(connection, "identity_user"));
        assertFalse(tableExists(connection, "identity_password"));
        assertFalse(tableExists(connection, "identity_user_role"));

        update(connection);
        assertConstraints(connection);
    }

    private static void update(Connection connection) throws Exception {
        liquibase(connection, database -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .execute());
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

    private static void liquibase(Connection connection, LiquibaseCommand command) throws Exception {
        ClassLoader loader = IdentityChangelogTest.class.getClassLoader();
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new liquibase.resource.ClassLoaderResourceAccessor(loader),
                Scope.Attr.classLoader.name(), loader,
                "liquibase.analytics.enabled", false,
                "liquibase.showBanner", false);
        Scope.child(scope, () -> {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            command.run(database);
        });
        // Liquibase leaves auto-commit off; the checks run statement by statement
        connection.setAutoCommit(true);
    }

    @FunctionalInterface
    private interface LiquibaseCommand {
        void run(Database database) throws Exception;
    }
}
