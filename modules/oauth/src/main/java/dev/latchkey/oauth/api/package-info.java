/** The OAuth facades other modules and the server use: the client registry, the consent page's requests. */
package dev.latchkey.oauth.api;
