package dev.latchkey.identity.internal.persistence;

import java.sql.Connection;
import java.sql.DriverManager;

/** {@link JpaUsersContract} on H2, the embedded default. */
class JpaUsersH2Test extends JpaUsersContract {

    private Connection keepAlive;

    @Override
    String[] prepareDatabase() throws Exception {
        String url = IdentitySchema.newH2Url();
        keepAlive = DriverManager.getConnection(url, "sa", "");
        IdentitySchema.update(keepAlive);
        return new String[] {url, "sa", ""};
    }

    @Override
    void dropDatabase() throws Exception {
        IdentitySchema.execute(keepAlive, "drop all objects");
        keepAlive.close();
    }
}
