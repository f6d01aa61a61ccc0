package dev.latchkey.kernel.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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

/**
 * A module's Liquibase changelog and JPA persistence unit on test databases: a fresh in-memory
 * H2 (the embedded default) or a throw-away schema of the local PostgreSQL (the test is skipped
 * when it does not answer). The unit is the module's real {@code persistence.xml} with
 * EclipseLink (Liberty's provider), switched to resource-local transactions.
 */
public final class PersistenceUnitHarness {

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    static {
        Logger.getLogger("liquibase").setLevel(Level.WARNING);
    }

    private final String unitName;
    private final String changelog;
    private final int changesets;

    /**
     * @param unitName   the persistence unit of the module's {@code META-INF/persistence.xml}
     * @param changelog  the class-path location of the module's changelog, {@code db/<module>/changelog.xml}
     * @param changesets how many changesets it has, all of which {@link #rollbackAll} rolls back
     */
    public PersistenceUnitHarness(String unitName, String changelog, int changesets) {
        this.unitName = unitName;
        this.changelog = changelog;
        this.changesets = changesets;
    }

    /** Work on a JDBC connection. */
    @FunctionalInterface
    public interface ConnectionWork {
        void run(Connection connection) throws Exception;
    }

    /** The JDBC URL of a new, empty in-memory H2 database that lives until it is shut down. */
    public String newH2Url() {
        return "jdbc:h2:mem:" + unitName + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** Runs {@code work} on a new, empty in-memory H2 database. */
    public void onH2(ConnectionWork work) throws Exception {
        try (Connection connection = DriverManager.getConnection(newH2Url(), "sa", "")) {
            work.run(connection);
        }
    }

    private String newSchemaName() {
        return unitName + "_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Runs {@code work} in a new, empty schema of the local PostgreSQL, dropped afterwards. */
    public void onPostgres(ConnectionWork work) throws Exception {
        String schema = newSchemaName();
        try (Connection admin = postgresOrSkip("")) {
            execute(admin, "create schema " + schema);
            try (Connection connection = postgresOrSkip("?currentSchema=" + schema)) {
                work.run(connection);
            } finally {
                execute(admin, "drop schema " + schema + " cascade");
            }
        }
    }

    /** A connection to the local PostgreSQL; the test is skipped when it does not answer. */
    public static Connection postgresOrSkip(String parameters) {
        try {
            return DriverManager.getConnection(POSTGRES_URL + parameters, "postgres", "");
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable on 127.0.0.1:5432: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Applies the changelog. */
    public void update(Connection connection) throws Exception {
        liquibase(connection, database -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .execute());
    }

    /** Rolls every changeset of the changelog back. */
    public void rollbackAll(Connection connection) throws Exception {
        liquibase(connection, database -> new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, changelog)
                .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, changesets)
                .execute());
    }

    /** The persistence unit on a fresh H2 database with the changelog applied. */
    public OpenUnit openOnH2() throws Exception {
        String url = newH2Url();
        Connection keepAlive = DriverManager.getConnection(url, "sa", "");
        try {
            update(keepAlive);
        } catch (Exception e) {
            keepAlive.close();
            throw e;
        }
        return open(url, "sa", () -> {
            try (keepAlive) {
                execute(keepAlive, "shutdown");
            }
        });
    }

    /** The persistence unit on a throw-away PostgreSQL schema with the changelog applied; skipped without PostgreSQL. */
    public OpenUnit openOnPostgres() throws Exception {
        String schema = newSchemaName();
        try (Connection admin = postgresOrSkip("")) {
            execute(admin, "create schema " + schema);
        }
        try (Connection connection = postgresOrSkip("?currentSchema=" + schema)) {
            update(connection);
        }
        return open(POSTGRES_URL + "?currentSchema=" + schema, "postgres", () -> {
            try (Connection admin = postgresOrSkip("")) {
                execute(admin, "drop schema " + schema + " cascade");
            }
        });
    }

    private OpenUnit open(String url, String user, Cleanup dropDatabase) {
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(unitName, Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", "",
                // the tests provoke constraint violations on purpose; JUnit reports real failures
                "eclipselink.logging.level", "OFF"));
        return new OpenUnit(factory, dropDatabase);
    }

    private void liquibase(Connection connection, LiquibaseCommand command) throws Exception {
        ClassLoader loader = PersistenceUnitHarness.class.getClassLoader();
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

    @FunctionalInterface
    private interface Cleanup {
        void run() throws Exception;
    }

    /** An open persistence unit on its own database; closing it closes the factory and drops the database. */
    public static final class OpenUnit implements AutoCloseable {

        private final EntityManagerFactory factory;
        private final Cleanup dropDatabase;

        private OpenUnit(EntityManagerFactory factory, Cleanup dropDatabase) {
            this.factory = factory;
            this.dropDatabase = dropDatabase;
        }

        /** A new entity manager, for a test that drives transactions itself. */
        public EntityManager createEntityManager() {
            return factory.createEntityManager();
        }

        /**
         * Runs {@code work} in a new entity manager and transaction, committed when it returns and
         * rolled back when it throws, as a transaction-scoped persistence context would be.
         */
        public <T> T inTransaction(Function<EntityManager, T> work) {
            EntityManager em = factory.createEntityManager();
            try {
                em.getTransaction().begin();
                T result = work.apply(em);
                em.getTransaction().commit();
                return result;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }

        @Override
        public void close() throws Exception {
            try {
                factory.close();
            } finally {
                dropDatabase.run();
            }
        }
    }
}
