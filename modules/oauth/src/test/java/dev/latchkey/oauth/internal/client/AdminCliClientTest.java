package dev.latchkey.oauth.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ServerStarting;
import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import dev.latchkey.oauth.internal.fixtures.InMemoryClients;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminCliClientTest {

    private final InMemoryClients stored = new InMemoryClients();
    private final ClientService service = new ClientService(stored, new RecordingEvent<>(), TestClients.sealing());

    private static OAuthSettings enabled(boolean enabled) {
        return new OAuthSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofDays(30),
                Duration.ofMinutes(1), Optional.empty(), enabled);
    }

    @Test
    void onStartWhenAbsentThenFirstPartyPublicPasswordClientCreated() {
        new AdminCliClient(service, enabled(true)).onStart(new ServerStarting());
        RegisteredClient client = stored.find("latchkey-admin-cli").orElseThrow().client();
        assertEquals(ClientType.PUBLIC, client.type());
        assertNull(client.secretHash());
        assertEquals(Set.of("password", "refresh_token"), client.grantTypes());
        assertEquals(Set.of("openid", "profile", "email"), client.scopes());
        assertTrue(client.firstParty());
    }

    @Test
    void ensurePresentWhenPresentThenLeftAsIs() {
        AdminCliClient adminCli = new AdminCliClient(service, enabled(true));
        assertTrue(adminCli.ensurePresent());
        assertFalse(adminCli.ensurePresent());
        assertEquals(1, stored.count());
    }

    @Test
    void ensurePresentWhenDisabledThenNothing() {
        assertFalse(new AdminCliClient(service, enabled(false)).ensurePresent());
        assertEquals(0, stored.count());
    }

    @Test
    void ensurePresentWhenAnotherNodeCreatedItMeanwhileThenNoFailure() {
        // the other node's insert lands between this node's check and its insert
        InMemoryClients racing = new InMemoryClients() {
            private boolean first = true;

            @Override
            public Optional<StoredClient> find(String clientId) {
                if (first) {
                    first = false;
                    return Optional.empty();
                }
                return super.find(clientId);
            }
        };
        new ClientService(racing, new RecordingEvent<>(), TestClients.sealing()).create(AdminCliClient.definition());
        assertFalse(new AdminCliClient(new ClientService(racing, new RecordingEvent<>(), TestClients.sealing()),
                enabled(true)).ensurePresent());
    }

    @Test
    void ensurePresentWhenInsertFailsForAnotherReasonThenRethrown() {
        InMemoryClients broken = new InMemoryClients() {
            @Override
            public void insert(StoredClient client) {
                throw new IllegalStateException("database down");
            }
        };
        AdminCliClient adminCli = new AdminCliClient(
                new ClientService(broken, new RecordingEvent<>(), TestClients.sealing()), enabled(true));
        assertThrows(IllegalStateException.class, adminCli::ensurePresent);
    }
}
