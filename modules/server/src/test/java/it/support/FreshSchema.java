package it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run by the build before the integration-test server starts: drops and recreates the
 * PostgreSQL schema the server will use, so every run starts from an empty database (a new
 * bootstrap admin, new signing keys under the run's own master key) whatever earlier runs left.
 */
public final class FreshSchema {

    private FreshSchema() {
    }

    /** Arguments: JDBC URL of the database, user, schema name. */
    public static void main(String[] args) throws SQLException {
        if (args.length != 3 || !args[2].matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("usage: FreshSchema <jdbc-url> <user> <schema: lower-case identifier>");
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + args[2] + " cascade");
            statement.execute("create schema " + args[2]);
        }
    }
}
