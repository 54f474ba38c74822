package uz.aurelle.auth.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Security events of the OWASP logging vocabulary (authn success/failure, token reuse, admin actions).
 * Never given passwords, tokens or full phone numbers: only ids and masked values.
 */
@ApplicationScoped
public class SecurityEvents {

    public void info(String event, String actor, String target, String detail) {
        Log.infof("security event=%s actor=%s target=%s %s", event, actor, target, detail == null ? "" : detail);
    }

    public void warn(String event, String actor, String target, String detail) {
        Log.warnf("security event=%s actor=%s target=%s %s", event, actor, target, detail == null ? "" : detail);
    }

    /** Something that indicates an attack in progress (e.g. refresh token reuse). */
    public void critical(String event, String actor, String target, String detail) {
        Log.errorf("security event=%s severity=CRITICAL actor=%s target=%s %s", event, actor, target,
                detail == null ? "" : detail);
    }
}
