package dev.latchkey.oauth.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.SecretCipher;
import dev.latchkey.kernel.api.ServerStarting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The signing keys in memory: an ES256 (P-256) key for access tokens and an RS256 (2048-bit) key
 * for ID tokens (RS256 is what every OIDC client must support, OIDC Core §15.1). Loaded once at
 * start-up; when an algorithm has no active key, one is generated with {@code kid} = its JWK
 * thumbprint (RFC 7638) and stored, private half encrypted. After that nothing here touches the
 * database: signers, verifiers and the public JWK set are kept in memory.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7517#section-5">RFC 7517 §5 (JWK Set)</a>
 */
@ApplicationScoped
public class SigningKeys {

    /** The algorithms Latchkey signs with, each with one active key. */
    public static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final String CONTEXT = "oauth_signing_key:";

    private SigningKeyStore store;
    private SecretCipher cipher;
    private Clock clock;
    private volatile Loaded loaded;

    @Inject
    public SigningKeys(SigningKeyStore store, SecretCipher cipher) {
        this(store, cipher, Clock.systemUTC());
    }

    public SigningKeys(SigningKeyStore store, SecretCipher cipher, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected SigningKeys() {
    }

    void onStart(@Observes ServerStarting starting) {
        load();
    }

    /**
     * Reads the active keys, generating and storing one for each algorithm that has none. When
     * another node stores its key first, the insert fails on the unique constraint and the
     * other node's key is read instead.
     */
    public void load() {
        Map<JWSAlgorithm, StoredSigningKey> active = activeByAlgorithm();
        for (JWSAlgorithm algorithm : ALGORITHMS) {
            if (active.containsKey(algorithm)) {
                continue;
            }
            StoredSigningKey generated = generate(algorithm);
            try {
                store.insertActive(generated);
                LOG.info(() -> "Generated the " + algorithm + " signing key " + generated.kid());
            } catch (RuntimeException e) {
                LOG.info(() -> "Another node stored a " + algorithm + " signing key first; using it");
            }
            active = activeByAlgorithm();
            if (!active.containsKey(algorithm)) {
                throw new IllegalStateException("No active " + algorithm + " signing key could be stored");
            }
        }
        Map<JWSAlgorithm, ActiveKey> signers = new HashMap<>();
        Map<String, JWSVerifier> verifiers = new HashMap<>();
        List<JWK> publicKeys = new ArrayList<>();
        for (StoredSigningKey key : active.values()) {
            JWK privateJwk = decrypt(key);
            signers.put(JWSAlgorithm.parse(key.alg()), new ActiveKey(key.kid(), JWSAlgorithm.parse(key.alg()),
                    signer(privateJwk)));
            verifiers.put(key.kid(), verifier(privateJwk.toPublicJWK()));
            publicKeys.add(privateJwk.toPublicJWK());
        }
        loaded = new Loaded(Map.copyOf(signers), Map.copyOf(verifiers), new JWKSet(publicKeys));
    }

    /** The active key of an algorithm. */
    public ActiveKey active(JWSAlgorithm algorithm) {
        ActiveKey key = state().signers().get(algorithm);
        if (key == null) {
            throw new IllegalStateException("No active " + algorithm + " signing key");
        }
        return key;
    }

    /** A verifier for the key with this {@code kid}, if it is one of ours. */
    public Optional<JWSVerifier> verifier(String kid) {
        return Optional.ofNullable(state().verifiers().get(kid));
    }

    /** True once every algorithm of {@link #ALGORITHMS} has an active key in memory. */
    public boolean isReady() {
        Loaded current = loaded;
        return current != null && current.signers().keySet().containsAll(ALGORITHMS);
    }

    /** The public keys only, for {@code /jwks}. */
    public JWKSet publicKeys() {
        return state().publicKeys();
    }

    private Loaded state() {
        Loaded current = loaded;
        if (current == null) {
            throw new IllegalStateException("The signing keys are not loaded yet");
        }
        return current;
    }

    private Map<JWSAlgorithm, StoredSigningKey> activeByAlgorithm() {
        Map<JWSAlgorithm, StoredSigningKey> active = new HashMap<>();
        for (StoredSigningKey key : store.findActive()) {
            active.put(JWSAlgorithm.parse(key.alg()), key);
        }
        return active;
    }

    StoredSigningKey generate(JWSAlgorithm algorithm) {
        try {
            JWK jwk = algorithm.equals(JWSAlgorithm.ES256)
                    ? new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(algorithm)
                            .keyIDFromThumbprint(true).generate()
                    : new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(algorithm)
                            .keyIDFromThumbprint(true).generate();
            String encrypted = cipher.encrypt(jwk.toJSONString().getBytes(StandardCharsets.UTF_8),
                    CONTEXT + jwk.getKeyID());
            return new StoredSigningKey(jwk.getKeyID(), algorithm.getName(), StoredSigningKey.ACTIVE,
                    jwk.toPublicJWK().toJSONString(), encrypted, clock.instant());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key", e);
        }
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
            return jwk instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) jwk);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the key " + jwk.getKeyID(), e);
        }
    }

    private static JWSVerifier verifier(JWK jwk) {
        try {
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

    private record Loaded(Map<JWSAlgorithm, ActiveKey> signers, Map<String, JWSVerifier> verifiers,
                          JWKSet publicKeys) {
    }
}
