/**
 * JPA (persistence unit {@code oauth}) behind the small repository interfaces of the other
 * packages: {@code oauth_client}, {@code oauth_signing_key}, {@code oauth_refresh_token}. The
 * schema is Liquibase's ({@code db/oauth/changelog.xml}); JPA generates none.
 */
package dev.latchkey.oauth.internal.persistence;
