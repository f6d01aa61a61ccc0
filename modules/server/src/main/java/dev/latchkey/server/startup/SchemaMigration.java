package dev.latchkey.server.startup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase changelogs of every module ({@code db/changelog.xml}, which includes
 * one folder per module) to the data source. Liquibase's lock table keeps two nodes that
 * start together from migrating twice.
 */
public final class SchemaMigration {

    /** The master changelog on the class path. */
    public static final String CHANGELOG = "db/changelog.xml";

    private SchemaMigration() {
    }

    /** Brings the schema behind {@code dataSource} up to date. */
    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection);
            if (!connection.getAutoCommit()) {
                // Liquibase's last reads are still open: end them here, not in Liberty's cleanup
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database to migrate the schema", e);
        }
    }

    /** Brings the schema behind {@code connection} up to date. */
    public static void migrate(Connection connection) {
        run(connection, database -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .execute());
    }

    /** Runs a Liquibase command against {@code connection} with analytics off and our class loader. */
    static void run(Connection connection, LiquibaseCommand command) {
        ClassLoader loader = SchemaMigration.class.getClassLoader();
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                Scope.Attr.classLoader.name(), loader,
                "liquibase.analytics.enabled", false,
                "liquibase.showBanner", false);
        try {
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                command.run(database);
            });
        } catch (Exception e) {
            throw new IllegalStateException("Schema migration failed", e);
        }
    }

    /** One Liquibase command against an open database. */
    @FunctionalInterface
    interface LiquibaseCommand {
        void run(Database database) throws LiquibaseException;
    }
}
