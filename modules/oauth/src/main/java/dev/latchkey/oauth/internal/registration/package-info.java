/**
 * Dynamic client registration (RFC 7591) and its management protocol (RFC 7592): the
 * registration of third-party clients by themselves, open or allowed by an admin's initial
 * access token, and the registration access token each such client manages itself with.
 */
package dev.latchkey.oauth.internal.registration;
