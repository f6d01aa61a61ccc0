package dev.latchkey.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The raw signing rate of this JVM for the two tokens Latchkey signs, built the way the
 * server's {@code AccessTokens} and {@code IdTokens} build them: fresh claims (new {@code jti},
 * times), a {@link SignedJWT} with the server's header, {@code sign}, {@code serialize}. One
 * signer shared by all threads, as in the server. No HTTP, no CDI, no database: the ceiling the
 * token endpoint is compared with.
 *
 * <p>Run by {@code run.sh}; by hand, after {@code mvn -pl modules/benchmarks -am package}:
 * <pre>
 * java -cp modules/benchmarks/target/classes:$(cat modules/benchmarks/target/benchmarks.classpath) \
 *      org.openjdk.jmh.Main SigningBenchmark -t 2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SigningBenchmark {

    private static final String ISSUER = "http://localhost:9380";
    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private JWSSigner es256;
    private String es256Kid;
    private JWSSigner rs256;
    private String rs256Kid;
    private String accessTokenForHash;

    @Setup
    public void keys() throws JOSEException {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        es256 = new ECDSASigner(ec);
        es256Kid = ec.getKeyID();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        rs256 = new RSASSASigner(rsa);
        rs256Kid = rsa.getKeyID();
        accessTokenForHash = accessToken();
    }

    /** A client-credentials access token (RFC 9068 §2.2), as {@code /token} issues it: ES256. */
    @Benchmark
    public String accessTokenEs256() throws JOSEException {
        return accessToken();
    }

    /** An ID token (OIDC Core §2) with {@code at_hash}, {@code sid}, {@code nonce}: RS256. */
    @Benchmark
    public String idTokenRs256() throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("0193a4c2-7d1e-7b3a-9c55-2f0e8d6a41b7")
                .audience("shop-web")
                .claim("azp", "shop-web")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("at_hash", atHash(accessTokenForHash))
                .claim("auth_time", now.getEpochSecond())
                .claim("nonce", "n-0S6_WzA2Mj")
                .claim("sid", "4f1c0d7a2b9e4c3f8a6d5e0b1c2d3e4f")
                .claim("amr", List.of("pwd"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(rs256Kid).build(), claims);
        jwt.sign(rs256);
        return jwt.serialize();
    }

    private String accessToken() throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(ISSUER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", "bench-service")
                .claim("scope", "api:read")
                .subject("bench-service")
                .claim("groups", List.of())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(AT_JWT).keyID(es256Kid).build(), claims);
        jwt.sign(es256);
        return jwt.serialize();
    }

    /** OIDC Core §3.1.3.6: the left half of SHA-256 of the access token, base64url. */
    private static String atHash(String accessToken) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
