/** Token introspection (RFC 7662): which tokens are active, and what a client may learn of them. */
package dev.latchkey.oauth.internal.introspection;
