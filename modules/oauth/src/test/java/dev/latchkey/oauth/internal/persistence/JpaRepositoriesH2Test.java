package dev.latchkey.oauth.internal.persistence;

import java.sql.Connection;
import java.sql.DriverManager;

/** {@link JpaRepositoriesContract} on a fresh in-memory H2. */
class JpaRepositoriesH2Test extends JpaRepositoriesContract {

    private String url;

    @Override
    String[] prepareDatabase() throws Exception {
        url = OAuthSchema.newH2Url();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            OAuthSchema.update(connection);
        }
        return new String[] {url, "sa", ""};
    }

    @Override
    void dropDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            OAuthSchema.execute(connection, "shutdown");
        }
    }
}
