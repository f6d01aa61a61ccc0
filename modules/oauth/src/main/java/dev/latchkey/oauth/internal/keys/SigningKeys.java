package dev.latchkey.oauth.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.ClusterBroadcast;
import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.ClusterMessagesMissed;
import dev.latchkey.kernel.api.SecretCipher;
import dev.latchkey.kernel.api.ServerStarting;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The signing keys in memory, one set per algorithm of {@link #ALGORITHMS}: ES256 (P-256) signs
 * access tokens and the ID tokens of clients that ask for it; RS256 (2048-bit, what every OIDC
 * client must support, OIDC Core §15.1), PS256 (its own 2048-bit RSA key: a key serves one
 * algorithm, RFC 7517 §4.4 {@code alg}) and EdDSA (Ed25519, RFC 8037) sign ID tokens, per client
 * ({@code id_token_signed_response_alg}). Loaded at start-up; when an algorithm has no active
 * key, one is generated with {@code kid} = its JWK thumbprint (RFC 7638) and stored, private half
 * encrypted; when it has no next key, one is generated too. Signers, verifiers and the public JWK
 * set are kept in memory; a verifier accepts only its key's algorithm.
 *
 * <p>Rotation: the next key (published in the JWKS since the previous rotation, so relying
 * parties that cache the JWKS already hold it) becomes active, the active key is retired, and a
 * new next key is generated. A retired key stays published and verifying for the longest token
 * lifetime it could have signed ({@code retention}); after that it leaves the JWKS and is deleted
 * at the next rotation. A change of the stored keys (a rotation, a next key published) is broadcast
 * ({@value #CHANGED}, the algorithms), and the other nodes reload at once; a node that missed
 * broadcasts reloads too. Failing that, another node learns of a rotation when it meets an unknown
 * {@code kid} (reloading at most once per {@link #RELOAD_INTERVAL}) or at its periodic reload.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7517#section-5">RFC 7517 §5 (JWK Set)</a>
 */
@ApplicationScoped
public class SigningKeys {

    /** The algorithms Latchkey signs with, each with its own keys and one active key. */
    public static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256,
            JWSAlgorithm.PS256, JWSAlgorithm.EdDSA);

    /** The least time between two reloads caused by an unknown {@code kid}: random kids cannot flood the database. */
    static final Duration RELOAD_INTERVAL = Duration.ofSeconds(10);

    /**
     * How long a next key is published before a scheduled rotation lets it sign: the JWKS's
     * cache lifetime ({@code max-age} of {@code /jwks}), so relying parties that cached it hold the key.
     */
    public static final Duration PUBLISHED_BEFORE_SIGNING = Duration.ofSeconds(300);

    /** The broadcast topic of a change of the stored keys; the payload names the algorithms. */
    static final String CHANGED = "oauth.signing-keys-changed";

    /** The broadcast of a node that has no other node to tell, as the unit tests build it. */
    private static final ClusterBroadcast ALONE = (topic, payload) -> { };

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final String CONTEXT = "oauth_signing_key:";

    private SigningKeyStore store;
    private SecretCipher cipher;
    private Clock clock;
    private Duration retention;
    private ClusterBroadcast broadcast;
    private volatile Loaded loaded;
    private volatile Instant lastReload = Instant.MIN;

    @Inject
    public SigningKeys(SigningKeyStore store, SecretCipher cipher, OAuthSettings settings, ClusterBroadcast broadcast) {
        this(store, cipher, Clock.systemUTC(), longestTokenLifetime(settings), broadcast);
    }

    public SigningKeys(SigningKeyStore store, SecretCipher cipher) {
        this(store, cipher, Clock.systemUTC());
    }

    public SigningKeys(SigningKeyStore store, SecretCipher cipher, Clock clock) {
        this(store, cipher, clock, longestTokenLifetime(OAuthSettings.defaults()));
    }

    /** {@code retention}: how long a retired key keeps verifying — the longest lifetime of a token it signed. */
    public SigningKeys(SigningKeyStore store, SecretCipher cipher, Clock clock, Duration retention) {
        this(store, cipher, clock, retention, ALONE);
    }

    /** {@code broadcast}: tells the other nodes that the stored keys changed. */
    public SigningKeys(SigningKeyStore store, SecretCipher cipher, Clock clock, Duration retention,
                       ClusterBroadcast broadcast) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
        this.retention = retention;
        this.broadcast = broadcast;
    }

    /** For CDI's client proxy only. */
    protected SigningKeys() {
    }

    /**
     * The longest lifetime of a token a key signs: an access token (the longest a client may be
     * given, {@link OAuthSettings#longestAccessTokenLifetime()}) or an ID token.
     */
    static Duration longestTokenLifetime(OAuthSettings settings) {
        Duration access = settings.longestAccessTokenLifetime();
        Duration id = settings.idTokenTtl();
        return access.compareTo(id) >= 0 ? access : id;
    }

    void onStart(@Observes ServerStarting starting) {
        load();
    }

    /** Reloads when another node changed the stored keys. */
    void onBroadcast(@Observes ClusterMessage message) {
        if (!message.fromThisNode() && message.topic().equals(CHANGED)) {
            reload();
        }
    }

    void onMissedBroadcasts(@Observes ClusterMessagesMissed missed) {
        reload();
    }

    /**
     * Reads the keys, generating and storing an active and a next key for each algorithm that
     * has none. When another node stores its active key first, the insert fails on the unique
     * constraint and the other node's key is read instead.
     */
    public synchronized void load() {
        List<StoredSigningKey> all = store.findAll();
        for (JWSAlgorithm algorithm : ALGORITHMS) {
            if (find(all, algorithm, StoredSigningKey.ACTIVE).isEmpty()) {
                StoredSigningKey generated = generate(algorithm);
                try {
                    store.insertActive(generated);
                    LOG.info(() -> "Generated the " + algorithm + " signing key " + generated.kid());
                } catch (RuntimeException e) {
                    LOG.info(() -> "Another node stored a " + algorithm + " signing key first; using it");
                }
                all = store.findAll();
                if (find(all, algorithm, StoredSigningKey.ACTIVE).isEmpty()) {
                    throw new IllegalStateException("No active " + algorithm + " signing key could be stored");
                }
            }
            if (find(all, algorithm, StoredSigningKey.NEXT).isEmpty()) {
                StoredSigningKey next = generate(algorithm);
                store.insertNext(next);
                LOG.info(() -> "Generated the next " + algorithm + " signing key " + next.kid());
                all = store.findAll();
            }
        }
        install(all);
    }

    /**
     * Reloads from the database without generating anything: how a node learns of another
     * node's rotation. Keeps the keys in memory when the database cannot be read. Synchronized
     * with rotation, so a read older than this node's own rotation is never installed after it.
     */
    public synchronized void reload() {
        try {
            install(store.findAll());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Cannot reload the signing keys; keeping those in memory: " + e);
        }
    }

    /**
     * Rotates each of {@code algorithms}: its next key becomes active, its active key retired,
     * and a new next key is generated. When another node rotates the same algorithm at the same
     * moment, only one rotation happens. Answers the key set afterwards.
     */
    public synchronized List<KeyView> rotate(Collection<JWSAlgorithm> algorithms) {
        for (JWSAlgorithm algorithm : algorithms) {
            rotate(algorithm);
        }
        install(store.findAll());
        announce(algorithms);
        return keys();
    }

    private void rotate(JWSAlgorithm algorithm) {
        List<StoredSigningKey> all = store.findAll();
        if (find(all, algorithm, StoredSigningKey.NEXT).isEmpty()) {
            // only when another node's rotation consumed it since our load: store one, then promote it
            store.insertNext(generate(algorithm));
            all = store.findAll();
        }
        rotate(algorithm, all);
    }

    /**
     * Rotates {@code algorithm} as seen in {@code all}, which holds its next key. The rotation is
     * conditional on the active key of {@code all} still being active, so a node acting on a
     * read that another node's rotation has overtaken changes nothing.
     */
    private boolean rotate(JWSAlgorithm algorithm, List<StoredSigningKey> all) {
        StoredSigningKey active = find(all, algorithm, StoredSigningKey.ACTIVE).orElseThrow(
                () -> new IllegalStateException("No active " + algorithm + " signing key"));
        StoredSigningKey promoted = find(all, algorithm, StoredSigningKey.NEXT).orElseThrow();
        boolean anotherNext = all.stream().anyMatch(key -> key.alg().equals(algorithm.getName())
                && key.status().equals(StoredSigningKey.NEXT) && !key.kid().equals(promoted.kid()));
        StoredSigningKey newNext = anotherNext ? null : generate(algorithm);
        Instant now = clock.instant();
        if (store.rotate(algorithm.getName(), active.kid(), promoted.kid(), newNext, now, now.minus(retention))) {
            LOG.info(() -> "Rotated the " + algorithm + " signing key: " + promoted.kid() + " signs, "
                    + active.kid() + " is retired");
            return true;
        }
        LOG.info(() -> "Another node rotated the " + algorithm + " signing key first");
        return false;
    }

    /**
     * The periodic check: rotates each algorithm whose active key has been active for
     * {@code interval} — provided its next key has been published for at least
     * {@link #PUBLISHED_BEFORE_SIGNING}, else at a later check — then reloads the keys, which also
     * picks up other nodes' rotations. Several nodes checking at once rotate once. Answers the
     * algorithms this node rotated.
     */
    public synchronized List<JWSAlgorithm> rotateDue(Duration interval) {
        List<StoredSigningKey> all = store.findAll();
        Instant now = clock.instant();
        List<JWSAlgorithm> rotated = new ArrayList<>();
        List<JWSAlgorithm> changed = new ArrayList<>();
        for (JWSAlgorithm algorithm : ALGORITHMS) {
            Optional<StoredSigningKey> active = find(all, algorithm, StoredSigningKey.ACTIVE);
            if (active.isEmpty()) {
                continue;
            }
            Instant since = active.get().activatedAt() != null ? active.get().activatedAt() : active.get().createdAt();
            if (now.isBefore(since.plus(interval))) {
                continue;
            }
            Optional<StoredSigningKey> next = find(all, algorithm, StoredSigningKey.NEXT);
            if (next.isEmpty()) {
                store.insertNext(generate(algorithm));
                changed.add(algorithm);
                LOG.info(() -> "Rotation of " + algorithm + " is due; published a next key first");
            } else if (now.isBefore(next.get().createdAt().plus(PUBLISHED_BEFORE_SIGNING))) {
                LOG.fine(() -> "Rotation of " + algorithm + " waits until its next key has been published long enough");
            } else if (rotate(algorithm, all)) {
                rotated.add(algorithm);
                changed.add(algorithm);
            }
        }
        install(store.findAll());
        if (!changed.isEmpty()) {
            announce(changed);
        }
        return rotated;
    }

    private void announce(Collection<JWSAlgorithm> algorithms) {
        broadcast.publish(CHANGED, algorithms.stream().map(JWSAlgorithm::getName).collect(Collectors.joining(",")));
    }

    /** The active key of an algorithm. */
    public ActiveKey active(JWSAlgorithm algorithm) {
        ActiveKey key = state().signers().get(algorithm);
        if (key == null) {
            throw new IllegalStateException("No active " + algorithm + " signing key");
        }
        return key;
    }

    /**
     * True when {@code jwt} is signed by the key its {@code kid} names, one of ours that still
     * verifies (see {@link #verifier}).
     */
    public boolean signed(SignedJWT jwt) {
        Optional<JWSVerifier> verifier = Optional.ofNullable(jwt.getHeader().getKeyID()).flatMap(this::verifier);
        try {
            return verifier.isPresent() && jwt.verify(verifier.get());
        } catch (JOSEException e) {
            return false;
        }
    }

    /**
     * A verifier for the key with this {@code kid}, if it is one of ours and has not expired; it
     * accepts signatures of that key's algorithm only (an RS256 key does not verify PS256). An
     * unknown {@code kid} may be a key another node rotated in: the keys are reloaded, at most
     * once per {@link #RELOAD_INTERVAL}. Verifies every algorithm of {@link #ALGORITHMS}, so it
     * serves Latchkey's own ID tokens (e.g. an {@code id_token_hint}) as well as access tokens.
     */
    public Optional<JWSVerifier> verifier(String kid) {
        Optional<JWSVerifier> known = known(kid);
        if (known.isPresent() || state().verifiers().containsKey(kid) || !reloadDue()) {
            return known;
        }
        reload();
        return known(kid);
    }

    private Optional<JWSVerifier> known(String kid) {
        Verifying verifying = state().verifiers().get(kid);
        if (verifying == null || verifying.until() != null && !clock.instant().isBefore(verifying.until())) {
            return Optional.empty();
        }
        return Optional.of(verifying.verifier());
    }

    private synchronized boolean reloadDue() {
        Instant now = clock.instant();
        if (now.isBefore(lastReload.plus(RELOAD_INTERVAL))) {
            return false;
        }
        lastReload = now;
        return true;
    }

    /** True once every algorithm of {@link #ALGORITHMS} has an active key in memory. */
    public boolean isReady() {
        Loaded current = loaded;
        return current != null && current.signers().keySet().containsAll(ALGORITHMS);
    }

    /** The public keys only, for {@code /jwks}: next, active and retired keys still verifying. */
    public JWKSet publicKeys() {
        Loaded current = state();
        Instant now = clock.instant();
        if (current.verifiers().values().stream().allMatch(v -> v.until() == null || now.isBefore(v.until()))) {
            return current.publicKeys();
        }
        return new JWKSet(current.publicKeys().getKeys().stream()
                .filter(jwk -> known(jwk.getKeyID()).isPresent()).toList());
    }

    /** The keys as loaded, without key material, for the admin API. */
    public List<KeyView> keys() {
        return state().views();
    }

    private Loaded state() {
        Loaded current = loaded;
        if (current == null) {
            throw new IllegalStateException("The signing keys are not loaded yet");
        }
        return current;
    }

    private void install(List<StoredSigningKey> all) {
        Instant now = clock.instant();
        Map<JWSAlgorithm, ActiveKey> signers = new HashMap<>();
        Map<String, Verifying> verifiers = new HashMap<>();
        List<JWK> publicKeys = new ArrayList<>();
        List<KeyView> views = new ArrayList<>();
        for (StoredSigningKey key : all) {
            Instant until = key.status().equals(StoredSigningKey.RETIRED)
                    ? (key.retiredAt() != null ? key.retiredAt() : now).plus(retention) : null;
            if (until != null && !now.isBefore(until)) {
                continue;
            }
            JWK privateJwk = decrypt(key);
            JWSAlgorithm algorithm = JWSAlgorithm.parse(key.alg());
            if (key.status().equals(StoredSigningKey.ACTIVE)) {
                signers.put(algorithm, new ActiveKey(key.kid(), algorithm, signer(privateJwk)));
            }
            verifiers.put(key.kid(), new Verifying(
                    new AlgorithmBoundVerifier(algorithm, verifier(privateJwk.toPublicJWK())), until));
            publicKeys.add(privateJwk.toPublicJWK());
            views.add(new KeyView(key.kid(), key.alg(), key.status(), key.createdAt(), key.activatedAt(),
                    key.retiredAt(), until));
        }
        loaded = new Loaded(Map.copyOf(signers), Map.copyOf(verifiers), new JWKSet(publicKeys), List.copyOf(views));
    }

    private static Optional<StoredSigningKey> find(List<StoredSigningKey> all, JWSAlgorithm algorithm, String status) {
        // oldest first: when two nodes each stored a next key, the older one is promoted first
        return all.stream().filter(key -> key.alg().equals(algorithm.getName()) && key.status().equals(status))
                .min(Comparator.comparing(StoredSigningKey::createdAt).thenComparing(StoredSigningKey::kid));
    }

    StoredSigningKey generate(JWSAlgorithm algorithm) {
        try {
            JWK jwk = generator(algorithm).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).keyIDFromThumbprint(true)
                    .generate();
            String encrypted = cipher.encrypt(jwk.toJSONString().getBytes(StandardCharsets.UTF_8),
                    CONTEXT + jwk.getKeyID());
            return new StoredSigningKey(jwk.getKeyID(), algorithm.getName(), StoredSigningKey.NEXT,
                    jwk.toPublicJWK().toJSONString(), encrypted, clock.instant());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key", e);
        }
    }

    /** A generator of keys for {@code algorithm}: P-256, 2048-bit RSA (RS256 and PS256 each their own) or Ed25519. */
    private static JWKGenerator<? extends JWK> generator(JWSAlgorithm algorithm) {
        if (algorithm.equals(JWSAlgorithm.ES256)) {
            return new ECKeyGenerator(Curve.P_256);
        }
        if (algorithm.equals(JWSAlgorithm.RS256) || algorithm.equals(JWSAlgorithm.PS256)) {
            return new RSAKeyGenerator(2048);
        }
        if (algorithm.equals(JWSAlgorithm.EdDSA)) {
            return new OctetKeyPairGenerator(Curve.Ed25519);
        }
        throw new IllegalArgumentException("Latchkey does not sign with " + algorithm);
    }

    private JWK decrypt(StoredSigningKey key) {
        try {
            byte[] json = cipher.decrypt(key.encryptedPrivateJwk(), CONTEXT + key.kid());
            JWK jwk = JWK.parse(new String(json, StandardCharsets.UTF_8));
            if (!key.kid().equals(jwk.getKeyID())) {
                throw new IllegalStateException("The signing key " + key.kid() + " holds another kid");
            }
            return jwk;
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key " + key.kid() + " is not a JWK", e);
        }
    }

    private static JWSSigner signer(JWK jwk) {
        try {
            if (jwk instanceof OctetKeyPair okp) {
                return new Ed25519Signer(okp);
            }
            return jwk instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) jwk);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the key " + jwk.getKeyID(), e);
        }
    }

    private static JWSVerifier verifier(JWK jwk) {
        try {
            if (jwk instanceof OctetKeyPair okp) {
                return new Ed25519Verifier(okp);
            }
            return jwk instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier((RSAKey) jwk);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot verify with the key " + jwk.getKeyID(), e);
        }
    }

    /** The active key of one algorithm, ready to sign. */
    public record ActiveKey(String kid, JWSAlgorithm algorithm, JWSSigner signer) {

        /** The compact serialization of {@code claims} signed with this key, headed by its algorithm, {@code typ} and {@code kid}. */
        public String sign(JOSEObjectType type, JWTClaimsSet claims) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(type).keyID(kid).build(), claims);
            try {
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException("Cannot sign with the key " + kid, e);
            }
        }
    }

    /**
     * A key as the admin API shows it: no key material. {@code verifiesUntil} is when a retired
     * key leaves the JWKS; null for next and active keys.
     */
    public record KeyView(String kid, String alg, String status, Instant created, Instant activated, Instant retired,
                          Instant verifiesUntil) {
    }

    private record Verifying(JWSVerifier verifier, Instant until) {
    }

    private record Loaded(Map<JWSAlgorithm, ActiveKey> signers, Map<String, Verifying> verifiers,
                          JWKSet publicKeys, List<KeyView> views) {
    }
}
