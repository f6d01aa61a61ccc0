/** Provider metadata: OIDC Discovery and RFC 8414. */
package dev.latchkey.oauth.internal.discovery;
