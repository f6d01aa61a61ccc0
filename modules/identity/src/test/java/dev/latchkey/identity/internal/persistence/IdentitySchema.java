package dev.latchkey.identity.internal.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Assumptions;

/** Identity's Liquibase changelog applied to test databases: a fresh H2, or a throw-away PostgreSQL schema. */
final class IdentitySchema {

    static final String CHANGELOG = "db/identity/changelog.xml";
    static final int CHANGESETS = 3;
    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

    private IdentitySchema() {
    }

    /** The JDBC URL of a new, empty in-memory H2 database that lives until the JVM ends. */
    static String newH2Url() {
        return "jdbc:h2:mem:identity-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A new schema name for a throw-away PostgreSQL schema. */
    static String newSchemaName() {
        return "identity_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A connection to the local PostgreSQL, or the test is skipped when it does not answer. */
    static Connection postgresOrSkip(String parameters) {
        try {
            return DriverManager.getConnection(POSTGRES_URL + parameters, "postgres", "");
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable on 127.0.0.1:5432: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static void update(Connection connection) throws Exception {
        liquibase(connection, database -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .execute());
    }

    static void rollbackAll(Connection connection) throws Exception {
        liquibase(connection, database -> new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, CHANGESETS)
                .execute());
    }

    private static void liquibase(Connection connection, LiquibaseCommand command) throws Exception {
        ClassLoader loader = IdentitySchema.class.getClassLoader();
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                Scope.Attr.classLoader.name(), loader,
                "liquibase.analytics.enabled", false,
                "liquibase.showBanner", false);
        Scope.child(scope, () -> {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            command.run(database);
        });
        // Liquibase leaves auto-commit off; callers go on statement by statement
        connection.setAutoCommit(true);
    }

    @FunctionalInterface
    private interface LiquibaseCommand {
        void run(Database database) throws Exception;
    }
}
