package it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run by the build before the integration-test servers start: drops and recreates the
 * PostgreSQL schemas the servers will use, so every run starts from an empty database (a new
 * bootstrap admin, new signing keys under the run's own master key) whatever earlier runs left.
 */
public final class FreshSchema {

    private FreshSchema() {
    }

    /**
     * Arguments: JDBC URL of the database, user, then each schema name. One run for every
     * schema: a second {@code exec:java} in the same Maven JVM would not see the JDBC driver
     * (DriverManager keeps the class loader of the first).
     */
    public static void main(String[] args) throws SQLException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: FreshSchema <jdbc-url> <user> <schema>...");
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], "");
             Statement statement = connection.createStatement()) {
            for (int i = 2; i < args.length; i++) {
                if (!args[i].matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("a schema is a lower-case identifier, not " + args[i]);
                }
                statement.execute("drop schema if exists " + args[i] + " cascade");
                statement.execute("create schema " + args[i]);
            }
        }
    }
}
