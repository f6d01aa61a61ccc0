/** Token revocation (RFC 7009): refresh-token families in the database, access tokens on a jti deny-list. */
package dev.latchkey.oauth.internal.revocation;
