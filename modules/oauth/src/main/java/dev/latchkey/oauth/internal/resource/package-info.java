/**
 * Resource servers (APIs that accept Latchkey's access tokens): their registration, the scopes
 * each defines, and RFC 8707 resource indicators, which name the resource servers an access
 * token is for, set its {@code aud} and narrow its scope.
 */
package dev.latchkey.oauth.internal.resource;
