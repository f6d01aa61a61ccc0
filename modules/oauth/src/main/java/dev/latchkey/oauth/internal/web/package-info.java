/**
 * The JAX-RS resources of the oauth module, one per endpoint, thin: parse, call one service,
 * map the result. OAuth errors become RFC 6749 §5.2 JSON ({@code OAuthExceptionMapper}); the
 * admin API's become RFC 9457 problems (mapped by the server).
 */
package dev.latchkey.oauth.internal.web;
