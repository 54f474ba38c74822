package uz.aurelle.auth.service;

import io.quarkus.logging.Log;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import uz.aurelle.auth.config.AuthConfig;

/**
 * The RS256 signing key (with its {@code kid}) and every public key still published in the JWKS.
 * Retired keys stay listed (configured as additional public keys) for at least one access-token
 * lifetime after a rotation, so tokens signed just before the switch keep verifying elsewhere.
 */
// Eager: a missing or bad key must stop the start-up, not the first login.
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final int MIN_RSA_BITS = 2048;

    private final String keyId;
    private final PrivateKey privateKey;
    private final Map<String, RSAPublicKey> publicKeys;

    public SigningKeys(AuthConfig config) {
        AuthConfig.Jwt jwt = config.jwt();
        Map<String, RSAPublicKey> keys = new LinkedHashMap<>();
        try {
            if (jwt.privateKeyLocation().isPresent()) {
                this.privateKey = KeyUtils.decodePrivateKey(read(jwt.privateKeyLocation().get()), SignatureAlgorithm.RS256);
                this.keyId = jwt.keyId();
            } else if (jwt.generateEphemeralKey()) {
                KeyPair pair = KeyUtils.generateKeyPair(MIN_RSA_BITS, SignatureAlgorithm.RS256);
                this.privateKey = pair.getPrivate();
                this.keyId = "ephemeral-" + UUID.randomUUID();
                Log.warnf("No aurelle.auth.jwt.private-key-location: signing with a throw-away key (kid %s); "
                        + "tokens will not survive a restart. Local runs only.", keyId);
            } else {
                throw new IllegalStateException("aurelle.auth.jwt.private-key-location must be set");
            }
            keys.put(keyId, publicOf(privateKey));
            for (Map.Entry<String, String> extra : jwt.additionalPublicKeys().entrySet()) {
                PublicKey key = KeyUtils.decodePublicKey(read(extra.getValue()), SignatureAlgorithm.RS256);
                keys.putIfAbsent(extra.getKey(), requireRsa(key));
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JWT keys", e);
        }
        this.publicKeys = Collections.unmodifiableMap(keys);
    }

    public String keyId() {
        return keyId;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The JWKS document: public parameters only. */
    public Map<String, Object> jwks() {
        List<Map<String, Object>> jwks = new ArrayList<>();
        publicKeys.forEach((kid, key) -> {
            RsaJsonWebKey jwk = new RsaJsonWebKey(key);
            jwk.setKeyId(kid);
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            jwks.add(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        });
        return Map.of("keys", jwks);
    }

    /** A file path, {@code file:} URL or classpath resource (KeyUtils.read* only look at the classpath). */
    private static String read(String location) throws IOException {
        String content = ResourceUtils.readResource(location);
        if (content == null) {
            throw new IOException("JWT key not found at " + location);
        }
        return content;
    }

    private static RSAPublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("the signing key must be an RSA (CRT) private key");
        }
        RSAPublicKeySpec spec = new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent());
        return requireRsa(KeyFactory.getInstance("RSA").generatePublic(spec));
    }

    private static RSAPublicKey requireRsa(PublicKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new GeneralSecurityException("JWT keys must be RSA with at least " + MIN_RSA_BITS + " bits");
        }
        return rsa;
    }
}
