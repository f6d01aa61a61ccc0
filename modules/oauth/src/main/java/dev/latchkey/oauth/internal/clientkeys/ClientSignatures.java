package dev.latchkey.oauth.internal.clientkeys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a client signed a JWT with one of its registered public keys, by an algorithm the
 * caller allows. RSA keys must have at least {@value #MIN_RSA_BITS} bits (RFC 7518 §3.3); EC keys
 * are P-256 for ES256, OKP keys Ed25519 for EdDSA. Symmetric algorithms are never accepted here:
 * a client's keys are public, and an HMAC "signed" with a public key proves nothing.
 */
@ApplicationScoped
public class ClientSignatures {

    /** The asymmetric JWS algorithms a client may sign with. */
    public static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256,
            JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
    static final int MIN_RSA_BITS = 2048;

    private ClientKeys keys;

    @Inject
    public ClientSignatures(ClientKeys keys) {
        this.keys = keys;
    }

    /** For CDI's client proxy only. */
    protected ClientSignatures() {
    }

    /** True when {@code jwt} is signed by a key of {@code client} with an algorithm of {@code allowed}. */
    public boolean verify(RegisteredClient client, SignedJWT jwt, Set<JWSAlgorithm> allowed) {
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!allowed.contains(alg) || !ASYMMETRIC.contains(alg)) {
            return false;
        }
        for (JWK key : keys.candidates(client, jwt.getHeader())) {
            Optional<JWSVerifier> verifier = verifier(key);
            try {
                if (verifier.isPresent() && jwt.verify(verifier.get())) {
                    return true;
                }
            } catch (JOSEException | IllegalStateException e) {
                // a key that cannot verify this JWS (wrong curve, bad parameters): try the next
            }
        }
        return false;
    }

    private static Optional<JWSVerifier> verifier(JWK key) {
        try {
            if (key instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS) {
                return Optional.of(new RSASSAVerifier(rsa));
            }
            if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                return Optional.of(new ECDSAVerifier(ec));
            }
            if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                return Optional.of(new Ed25519Verifier(okp));
            }
        } catch (JOSEException e) {
            // a malformed key verifies nothing
        }
        return Optional.empty();
    }
}
