/** The OAuth facades other modules and the server use: the client registry. */
package dev.latchkey.oauth.api;
