package dev.latchkey.server.startup;

import java.sql.Connection;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;

/**
 * Rolls back the newest changesets of the master changelog: what an operator runs before
 * downgrading, and what the round-trip test runs to prove every changeset can be undone.
 */
public final class SchemaRollback {

    private SchemaRollback() {
    }

    /** Rolls back the newest {@code count} applied changesets. */
    public static void rollback(Connection connection, int count) {
        SchemaMigration.run(connection, database -> new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, SchemaMigration.CHANGELOG)
                .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count)
                .execute());
    }
}
