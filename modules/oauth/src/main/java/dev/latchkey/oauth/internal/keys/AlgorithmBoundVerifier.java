package dev.latchkey.oauth.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;

/**
 * A verifier that accepts one algorithm only: the one its key was generated for. Nimbus's RSA
 * verifier takes RS256 and PS256 alike, so without this an RS256 key would also verify PS256
 * signatures, and a key would serve two algorithms (RFC 7517 §4.4).
 */
record AlgorithmBoundVerifier(JWSAlgorithm algorithm, JWSVerifier verifier) implements JWSVerifier {

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        return algorithm.equals(header.getAlgorithm()) && verifier.verify(header, signingInput, signature);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(algorithm);
    }

    @Override
    public JCAContext getJCAContext() {
        return verifier.getJCAContext();
    }
}
