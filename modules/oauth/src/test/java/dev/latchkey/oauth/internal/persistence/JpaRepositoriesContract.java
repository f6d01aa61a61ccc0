package dev.latchkey.oauth.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.testing.PersistenceUnitContract;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.client.StoredClient;
import dev.latchkey.oauth.internal.fixtures.TestClientKeys;
import dev.latchkey.oauth.internal.consent.Consent;
import dev.latchkey.oauth.internal.logout.BackChannelLogoutFailure;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.keys.StoredSigningKey;
import dev.latchkey.oauth.internal.registration.InitialAccessToken;
import dev.latchkey.oauth.internal.resource.ResourceServer;
import dev.latchkey.oauth.internal.resource.ResourceServers;
import dev.latchkey.oauth.internal.resource.StoredResourceServer;
import dev.latchkey.oauth.internal.token.RefreshToken;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The JPA repositories with EclipseLink (Liberty's provider) on the Liquibase schema, through the
 * real persistence unit switched to resource-local transactions; each call in a new entity
 * manager, as a transaction-scoped persistence context would be.
 */
abstract class JpaRepositoriesContract extends PersistenceUnitContract {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456Z");
    private static final UUID USER = UUID.fromString("0192f5e0-0000-7000-8000-000000000001");

    private <T> T tx(Function<EntityManager, T> work) {
        return unit.inTransaction(work);
    }

    private <T> T clients(Function<JpaClients, T> work) {
        return tx(em -> {
            JpaClients clients = new JpaClients();
            clients.em = em;
            return work.apply(clients);
        });
    }

    private <T> T keys(Function<JpaSigningKeyStore, T> work) {
        return tx(em -> {
            JpaSigningKeyStore keys = new JpaSigningKeyStore();
            keys.em = em;
            return work.apply(keys);
        });
    }

    private <T> T tokens(Function<JpaRefreshTokens, T> work) {
        return tx(em -> {
            JpaRefreshTokens tokens = new JpaRefreshTokens();
            tokens.em = em;
            return work.apply(tokens);
        });
    }

    private <T> T consents(Function<JpaConsents, T> work) {
        return tx(em -> {
            JpaConsents consents = new JpaConsents();
            consents.em = em;
            return work.apply(consents);
        });
    }

    private <T> T resourceServers(Function<JpaResourceServers, T> work) {
        return tx(em -> {
            JpaResourceServers servers = new JpaResourceServers();
            servers.em = em;
            return work.apply(servers);
        });
    }

    private <T> T logoutFailures(Function<JpaBackChannelLogoutFailures, T> work) {
        return tx(em -> {
            JpaBackChannelLogoutFailures failures = new JpaBackChannelLogoutFailures();
            failures.em = em;
            return work.apply(failures);
        });
    }

    @Test
    void backChannelLogoutFailuresAddListNewestFirstLimitedAndDeleteByClient() {
        logoutFailures(f -> {
            f.add(new BackChannelLogoutFailure("web-app", "sid-1", USER, "https://app.example/bc", "the client answered 500", T0));
            f.add(new BackChannelLogoutFailure("web-app", "sid-2", USER, "https://app.example/bc", "timeout",
                    T0.plusSeconds(60)));
            f.add(new BackChannelLogoutFailure("spa", "sid-1", USER, "https://spa.example/bc", "timeout", T0));
            return null;
        });

        List<BackChannelLogoutFailure> listed = logoutFailures(f -> f.ofClient("web-app", 10));
        assertEquals(List.of("sid-2", "sid-1"), listed.stream().map(BackChannelLogoutFailure::sessionId).toList());
        assertEquals(new BackChannelLogoutFailure("web-app", "sid-1", USER, "https://app.example/bc",
                "the client answered 500", T0), listed.get(1));
        assertEquals(1, logoutFailures(f -> f.ofClient("web-app", 1)).size());
        assertEquals(Integer.valueOf(2), logoutFailures(f -> (Integer) f.deleteClient("web-app")));
        assertTrue(logoutFailures(f -> f.ofClient("web-app", 10)).isEmpty());
        assertEquals(1, logoutFailures(f -> f.ofClient("spa", 10)).size());
    }

    @Test
    void consentsSaveReplaceListAndDelete() {
        UUID bob = UUID.fromString("0192f5e0-0000-7000-8000-000000000002");
        consents(c -> {
            c.save(new Consent(USER, "web-app", Scope.parse("openid profile"), T0));
            c.save(new Consent(USER, "spa", Scope.parse("openid"), T0));
            c.save(new Consent(bob, "web-app", Scope.parse("openid"), T0));
            return null;
        });
        Instant later = T0.plusSeconds(60);
        consents(c -> {
            c.save(new Consent(USER, "web-app", Scope.parse("openid profile email"), later));
            return null;
        });

        Consent read = consents(c -> c.find(USER, "web-app")).orElseThrow();
        assertEquals(Scope.parse("openid profile email"), read.scope());
        assertEquals(later, read.grantedAt());
        assertEquals(List.of("spa", "web-app"), consents(c -> c.ofUser(USER)).stream().map(Consent::clientId).toList());
        assertEquals(Boolean.TRUE, consents(c -> (Boolean) c.delete(USER, "spa")));
        assertEquals(Boolean.FALSE, consents(c -> (Boolean) c.delete(USER, "spa")));
        assertEquals(Integer.valueOf(2), consents(c -> (Integer) c.deleteClient("web-app")));
        assertEquals(Integer.valueOf(0), consents(c -> (Integer) c.deleteUser(USER)));
        assertTrue(consents(c -> c.find(bob, "web-app")).isEmpty());
    }

    @Test
    void refreshTokenLiveFamiliesOfAUserAndClient() {
        UUID live = UUID.randomUUID();
        UUID revoked = UUID.randomUUID();
        tokens(t -> {
            t.insert(new RefreshToken("h-live-1", live, "web-app", USER, "sid", "openid", T0, List.of("pwd"), T0,
                    T0.plusSeconds(600), T0, null, List.of(), null));
            t.insert(new RefreshToken("h-live-2", live, "web-app", USER, "sid", "openid", T0, List.of("pwd"), T0,
                    T0.plusSeconds(600), null, null, List.of(), null));
            t.insert(new RefreshToken("h-revoked", revoked, "web-app", USER, "sid", "openid", T0, List.of("pwd"), T0,
                    T0.plusSeconds(600), null, T0, List.of(), null));
            t.insert(new RefreshToken("h-spa", UUID.randomUUID(), "spa", USER, "sid", "openid", T0, List.of("pwd"), T0,
                    T0.plusSeconds(600), null, null, List.of(), null));
            return null;
        });

        assertEquals(List.of(live), tokens(t -> t.liveFamilies(USER, "web-app")));
    }

    @Test
    void resourceServersRoundTripUpdateListAndDelete() {
        StoredResourceServer orders = new StoredResourceServer(UUID.randomUUID(),
                new ResourceServer("https://orders.example/api", "Orders", Set.of("orders:read", "orders:write")), T0, T0);
        StoredResourceServer mcp = new StoredResourceServer(UUID.randomUUID(),
                new ResourceServer("https://mcp.example/mcp", "MCP", Set.of("mcp")), T0, T0);
        resourceServers(servers -> {
            servers.insert(orders);
            servers.insert(mcp);
            return null;
        });
        assertEquals(orders, resourceServers(servers -> servers.find(orders.id())).orElseThrow());
        assertEquals(orders, resourceServers(servers -> servers.findByIdentifier("https://orders.example/api"))
                .orElseThrow());
        assertEquals(List.of(mcp, orders), resourceServers(servers -> servers.list(0, 10)));
        assertEquals(2L, this.<Long>resourceServers(ResourceServers::count));
        assertEquals(Set.of(orders.server(), mcp.server()), Set.copyOf(resourceServers(ResourceServers::all)));
        StoredResourceServer renamed = new StoredResourceServer(orders.id(),
                new ResourceServer("https://orders.example/v2", "Orders v2", Set.of("orders:read")), T0,
                T0.plusSeconds(60));
        resourceServers(servers -> {
            servers.update(renamed);
            return null;
        });
        assertEquals(renamed, resourceServers(servers -> servers.find(orders.id())).orElseThrow());
        resourceServers(servers -> {
            servers.delete(orders.id());
            return null;
        });
        assertFalse(resourceServers(servers -> servers.find(orders.id())).isPresent());
    }

    @Test
    void refreshTokensKeepTheResourcesOfTheirGrant() {
        RefreshToken base = token("h-res", UUID.randomUUID(), "web-app", "sid-1", "openid");
        RefreshToken stored = new RefreshToken(base.tokenHash(), base.familyId(), base.clientId(), base.userId(),
                base.sessionId(), base.scope(), base.authTime(), base.authenticationMethods(), base.issuedAt(),
                base.expiresAt(), null, null, List.of("https://orders.example/api", "https://id.example"), null);
        tokens(t -> {
            t.insert(stored);
            return null;
        });
        assertEquals(stored, tokens(t -> t.find("h-res")).orElseThrow());
    }

    @Test
    void clientsRoundTripUpdateListAndDelete() {
        StoredClient web = new StoredClient(UUID.randomUUID(), TestClients.webApp(), T0, T0);
        clients(c -> {
            c.insert(web);
            c.insert(new StoredClient(UUID.randomUUID(), TestClients.spa(), T0, T0));
            return null;
        });
        StoredClient read = clients(c -> c.find("web-app")).orElseThrow();
        assertEquals(web.id(), read.id());
        assertEquals(TestClients.webApp(), read.client());
        assertEquals(T0, read.createdAt());
        ClientMetadata metadata = new ClientMetadata("native", "private_key_jwt", null,
                "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"x\",\"y\":\"y\"}]}", "ES256", "PS256",
                Duration.ofMinutes(2), Duration.ofDays(3), 600, true, "https://a.example", "https://a.example/l.png",
                "https://a.example/p", "https://a.example/t", List.of("ops@a.example", "dev@a.example"));
        RegisteredClient renamed = new RegisteredClient("web-app", "Renamed", ClientType.CONFIDENTIAL, null,
                List.of("https://a.example/1", "https://a.example/2"), Set.of("client_credentials"), Set.of("x"), true,
                metadata);
        clients(c -> {
            c.update(new StoredClient(web.id(), renamed, T0, T0.plusSeconds(60)));
            return null;
        });
        StoredClient updated = clients(c -> c.find("web-app")).orElseThrow();
        assertEquals(renamed, updated.client());
        assertEquals(T0.plusSeconds(60), updated.updatedAt());
        assertEquals(T0, updated.createdAt());
        assertEquals(2L, this.<Long>clients(c -> c.count()));
        assertEquals(List.of("spa"), clients(c -> c.list(0, 1)).stream().map(s -> s.client().clientId()).toList());
        assertEquals(List.of("web-app"), clients(c -> c.list(1, 5)).stream().map(s -> s.client().clientId()).toList());
        clients(c -> {
            c.delete("web-app");
            c.delete("nobody");
            return null;
        });
        assertFalse(clients(c -> c.find("web-app")).isPresent());
        assertThrows(IllegalStateException.class, () -> clients(c -> {
            c.update(new StoredClient(web.id(), renamed, T0, T0));
            return null;
        }));
    }

    private <T> T initialAccessTokens(Function<JpaInitialAccessTokens, T> work) {
        return tx(em -> {
            JpaInitialAccessTokens tokens = new JpaInitialAccessTokens();
            tokens.em = em;
            return work.apply(tokens);
        });
    }

    @Test
    void clientsKeepTheRegistrationTokenHashAcrossAnUpdateAndLoseItWithTheClient() {
        StoredClient web = new StoredClient(UUID.randomUUID(), TestClients.webApp(), T0, T0);
        clients(c -> {
            c.insert(web);
            return null;
        });
        assertEquals(Optional.empty(), clients(c -> c.registrationTokenHash("web-app")));
        clients(c -> {
            c.updateRegistrationTokenHash("web-app", "hash-1");
            return null;
        });
        clients(c -> {
            c.update(new StoredClient(web.id(), TestClients.webApp().withSecret(null, null), T0, T0.plusSeconds(1)));
            return null;
        });
        assertEquals(Optional.of("hash-1"), clients(c -> c.registrationTokenHash("web-app")));
        assertEquals(Optional.empty(), clients(c -> c.registrationTokenHash("nobody")));
        assertThrows(IllegalStateException.class, () -> clients(c -> {
            c.updateRegistrationTokenHash("nobody", "hash-2");
            return null;
        }));
        clients(c -> {
            c.delete("web-app");
            return null;
        });
        assertEquals(Optional.empty(), clients(c -> c.registrationTokenHash("web-app")));
    }

    @Test
    void initialAccessTokensAreUsedUpOneRegistrationAtATimeUntilTheyExpire() {
        InitialAccessToken token = new InitialAccessToken(UUID.randomUUID(), T0, T0.plusSeconds(60), 2);
        InitialAccessToken older = new InitialAccessToken(UUID.randomUUID(), T0.minusSeconds(1), T0.plusSeconds(60), 1);
        initialAccessTokens(t -> {
            t.insert(token, "hash-a");
            t.insert(older, "hash-b");
            return null;
        });
        assertThrows(RuntimeException.class, () -> initialAccessTokens(t -> {
            t.insert(new InitialAccessToken(UUID.randomUUID(), T0, T0, 1), "hash-a");
            return null;
        }));
        assertEquals(List.of(token, older), initialAccessTokens(t -> t.list()));
        assertTrue(this.<Boolean>initialAccessTokens(t -> t.consume("hash-a", T0)));
        assertTrue(this.<Boolean>initialAccessTokens(t -> t.consume("hash-a", T0)));
        assertFalse(this.<Boolean>initialAccessTokens(t -> t.consume("hash-a", T0)));
        assertFalse(this.<Boolean>initialAccessTokens(t -> t.consume("hash-b", T0.plusSeconds(60))));
        assertFalse(this.<Boolean>initialAccessTokens(t -> t.consume("unknown", T0)));
        assertEquals(List.of(0, 1), initialAccessTokens(t -> t.list()).stream().map(InitialAccessToken::remaining)
                .toList());
        assertTrue(this.<Boolean>initialAccessTokens(t -> t.delete(older.id())));
        assertFalse(this.<Boolean>initialAccessTokens(t -> t.delete(older.id())));
        assertEquals(List.of(token.id()), initialAccessTokens(t -> t.list()).stream().map(InitialAccessToken::id)
                .toList());
    }

    @Test
    void initialAccessTokensConcurrentUsesOfTheLastRegistrationHaveOneWinner() throws Exception {
        initialAccessTokens(t -> {
            t.insert(new InitialAccessToken(UUID.randomUUID(), T0, T0.plusSeconds(60), 1), "hash-last");
            return null;
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uses.add(pool.submit(() -> {
                    start.await();
                    return initialAccessTokens(t -> t.consume("hash-last", T0));
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> use : uses) {
                winners += use.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clientsKeepTheSealedSecretOfAClientSecretJwtClient() {
        RegisteredClient macer = TestClientKeys.secretJwtClient("macer");
        clients(c -> {
            c.insert(new StoredClient(UUID.randomUUID(), macer, T0, T0));
            return null;
        });
        RegisteredClient read = clients(c -> c.find("macer")).orElseThrow().client();
        assertEquals(macer, read);
        assertEquals(TestClients.SECRET, new String(TestClients.sealing().open(read).orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void clientsRefuseADuplicateClientId() {
        clients(c -> {
            c.insert(new StoredClient(UUID.randomUUID(), TestClients.spa(), T0, T0));
            return null;
        });
        assertThrows(RuntimeException.class, () -> clients(c -> {
            c.insert(new StoredClient(UUID.randomUUID(), TestClients.spa(), T0, T0));
            return null;
        }));
    }

    @Test
    void signingKeysOneActivePerAlgorithm() {
        StoredSigningKey es = new StoredSigningKey("kid-es", "ES256", StoredSigningKey.ACTIVE, "{\"kty\":\"EC\"}",
                "ciphertext", T0);
        keys(k -> {
            k.insertActive(es);
            k.insertActive(new StoredSigningKey("kid-rs", "RS256", StoredSigningKey.ACTIVE, "{}", "c", T0));
            return null;
        });
        assertThrows(RuntimeException.class, () -> keys(k -> {
            k.insertActive(new StoredSigningKey("kid-es-2", "ES256", StoredSigningKey.ACTIVE, "{}", "c", T0));
            return null;
        }));
        List<StoredSigningKey> active = keys(k -> k.findActive());
        assertEquals(List.of("kid-es", "kid-rs"), active.stream().map(StoredSigningKey::kid).sorted().toList());
        assertTrue(active.contains(new StoredSigningKey(es.kid(), es.alg(), es.status(), es.publicJwk(),
                es.encryptedPrivateJwk(), T0, T0, null)), "activated when stored");
    }

    private void storeActiveAndNext(String alg, String active, String next) {
        keys(k -> {
            k.insertActive(new StoredSigningKey(active, alg, StoredSigningKey.NEXT, "{}", "c", T0));
            k.insertNext(new StoredSigningKey(next, alg, StoredSigningKey.NEXT, "{}", "c", T0.plusSeconds(1)));
            return null;
        });
    }

    private StoredSigningKey stored(String kid) {
        return this.<List<StoredSigningKey>>keys(k -> k.findAll()).stream().filter(key -> key.kid().equals(kid))
                .findFirst().orElseThrow();
    }

    @Test
    void signingKeysRotateRetiresPromotesStoresTheNewNextAndDeletesExpiredRetired() {
        storeActiveAndNext("ES256", "a1", "n1");
        assertEquals(T0, stored("a1").activatedAt());
        assertNull(stored("n1").activatedAt());
        Instant t1 = T0.plusSeconds(600);
        assertTrue(this.<Boolean>keys(k -> k.rotate("ES256", "a1", "n1",
                new StoredSigningKey("n2", "ES256", StoredSigningKey.NEXT, "{}", "c", t1), t1, T0)));
        assertEquals(new StoredSigningKey("a1", "ES256", StoredSigningKey.RETIRED, "{}", "c", T0, T0, t1),
                stored("a1"));
        assertEquals(new StoredSigningKey("n1", "ES256", StoredSigningKey.ACTIVE, "{}", "c", T0.plusSeconds(1), t1,
                null), stored("n1"));
        assertEquals(StoredSigningKey.NEXT, stored("n2").status());
        assertEquals(List.of("n1"), this.<List<StoredSigningKey>>keys(k -> k.findActive()).stream()
                .map(StoredSigningKey::kid).toList());

        // a1 is no longer active: a second rotation from the same stale read changes nothing
        assertFalse(this.<Boolean>keys(k -> k.rotate("ES256", "a1", "n2", null, t1, T0)));
        assertEquals(StoredSigningKey.NEXT, stored("n2").status());

        // the next key vanished: the retirement rolls back with it
        assertThrows(RuntimeException.class, () -> keys(k -> k.rotate("ES256", "n1", "gone", null, t1, T0)));
        assertEquals(StoredSigningKey.ACTIVE, stored("n1").status());

        Instant t2 = t1.plusSeconds(600);
        assertTrue(this.<Boolean>keys(k -> k.rotate("ES256", "n1", "n2", null, t2, t1.plusSeconds(1))));
        List<String> kids = this.<List<StoredSigningKey>>keys(k -> k.findAll()).stream()
                .map(StoredSigningKey::kid).sorted().toList();
        assertEquals(List.of("n1", "n2"), kids, "a1, retired before the cut-off, is deleted");
    }

    @Test
    void signingKeysConcurrentRotationsFromOneReadThenExactlyOneWins() throws Exception {
        storeActiveAndNext("RS256", "a1", "n1");
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < threads; i++) {
                String newNext = "n2-" + i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return this.<Boolean>keys(k -> k.rotate("RS256", "a1", "n1",
                            new StoredSigningKey(newNext, "RS256", StoredSigningKey.NEXT, "{}", "c", T0), T0, T0));
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> outcome : outcomes) {
                try {
                    won += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
                } catch (ExecutionException e) {
                    // a loser may also be refused by a lock or the unique constraint: it changed nothing
                }
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        List<StoredSigningKey> all = keys(k -> k.findAll());
        assertEquals(List.of("n1"), all.stream().filter(key -> key.status().equals(StoredSigningKey.ACTIVE))
                .map(StoredSigningKey::kid).toList());
        assertEquals(1, all.stream().filter(key -> key.status().equals(StoredSigningKey.NEXT)).count(),
                "only the winner stored its new next key");
        assertEquals(StoredSigningKey.RETIRED, stored("a1").status());
    }

    private static RefreshToken token(String hash, UUID family, String client, String session, String scope) {
        return new RefreshToken(hash, family, client, USER, session, scope, T0, List.of("pwd", "otp"), T0,
                T0.plusSeconds(3600), null, null, List.of(), "{\"userinfo\":{\"address\":{}}}");
    }

    @Test
    void refreshTokensRoundTripAndConditionalUse() {
        UUID family = UUID.randomUUID();
        RefreshToken stored = token("h1", family, "web-app", "sid-1", "openid profile");
        tokens(t -> {
            t.insert(stored);
            return null;
        });
        assertEquals(stored, tokens(t -> t.find("h1")).orElseThrow());
        assertFalse(tokens(t -> t.find("nope")).isPresent());
        assertTrue(this.<Boolean>tokens(t -> t.markUsed("h1", T0.plusSeconds(5))));
        assertFalse(this.<Boolean>tokens(t -> t.markUsed("h1", T0.plusSeconds(6))), "a used token is not used twice");
        assertEquals(T0.plusSeconds(5), tokens(t -> t.find("h1")).orElseThrow().usedAt());
    }

    @Test
    void refreshTokensWhenTwoTransactionsUseTheSameTokenThenExactlyOneWins() throws Exception {
        tokens(t -> {
            t.insert(token("race", UUID.randomUUID(), "web-app", null, "openid"));
            return null;
        });
        EntityManager first = unit.createEntityManager();
        try {
            first.getTransaction().begin();
            JpaRefreshTokens winner = new JpaRefreshTokens();
            winner.em = first;
            assertTrue(winner.markUsed("race", T0));
            // the second use starts while the first is uncommitted; it waits for the row lock or
            // runs after the commit, and either way must see the token used
            java.util.concurrent.CompletableFuture<Boolean> second = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> this.<Boolean>tokens(t -> t.markUsed("race", T0.plusSeconds(1))));
            first.getTransaction().commit();
            assertFalse(second.get(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            first.close();
        }
        assertEquals(T0, tokens(t -> t.find("race")).orElseThrow().usedAt());
    }

    @Test
    void refreshTokensRevocations() {
        UUID family = UUID.randomUUID();
        tokens(t -> {
            t.insert(token("a1", family, "web-app", "sid-1", "openid"));
            t.insert(token("a2", family, "web-app", "sid-1", "openid"));
            t.insert(token("b1", UUID.randomUUID(), "web-app", "sid-1", "openid offline_access"));
            t.insert(token("c1", UUID.randomUUID(), "spa", "sid-2", "openid"));
            return null;
        });
        assertEquals(2, (int) this.<Integer>tokens(t -> t.revokeSession("sid-1", T0)), "offline_access survives the session");
        assertNull(tokens(t -> t.find("b1")).orElseThrow().revokedAt());
        assertEquals(0, (int) this.<Integer>tokens(t -> t.revokeFamily(family, T0)), "already revoked");
        assertFalse(this.<Boolean>tokens(t -> t.markUsed("a1", T0)), "a revoked token cannot be used");
        assertEquals(1, (int) this.<Integer>tokens(t -> t.revokeClient("spa", T0)));
        assertEquals(1, (int) this.<Integer>tokens(t -> t.revokeUser(USER, T0)));
        assertEquals(T0, tokens(t -> t.find("b1")).orElseThrow().revokedAt());
        assertEquals(4, (int) this.<Integer>tokens(t -> t.deleteUser(USER)));
        assertFalse(tokens(t -> t.find("a1")).isPresent());
    }

    @Test
    void refreshTokensRevokeFamily() {
        UUID family = UUID.randomUUID();
        tokens(t -> {
            t.insert(token("f1", family, "web-app", null, "openid"));
            t.insert(token("f2", family, "web-app", null, "openid"));
            t.insert(token("g1", UUID.randomUUID(), "web-app", null, "openid"));
            return null;
        });
        assertEquals(2, (int) this.<Integer>tokens(t -> t.revokeFamily(family, T0)));
        assertNull(tokens(t -> t.find("g1")).orElseThrow().revokedAt());
    }
}
