package dev.latchkey.oauth.internal.persistence;

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

/** The oauth changelog applied to a fresh in-memory H2 or to a throw-away schema of the local PostgreSQL. */
final class OAuthSchema {

    static final String CHANGELOG = "db/oauth/changelog.xml";
    static final int CHANGESETS = 3;
    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    static {
        Logger.getLogger("liquibase").setLevel(Level.WARNING);
    }

    private OAuthSchema() {
    }

    static String newH2Url() {
        return "jdbc:h2:mem:oauth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    static String newSchemaName() {
        return "oauth_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A connection to the local PostgreSQL; the test is skipped when it does not answer. */
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

    private static void liquibase(Connection connection, Command command) throws Exception {
        ClassLoader loader = OAuthSchema.class.getClassLoader();
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                Scope.Attr.classLoader.name(), loader,
                "liquibase.analytics.enabled", false,
                "liquibase.showBanner", false);
        Scope.child(scope, () -> command.run(DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection))));
        connection.setAutoCommit(true);
    }

    @FunctionalInterface
    private interface Command {
        void run(Database database) throws Exception;
    }
}
