/** The userinfo endpoint (OIDC Core §5.3) and bearer-token extraction (RFC 6750 §2). */
package dev.latchkey.oauth.internal.userinfo;
