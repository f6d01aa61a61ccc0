/** Small in-memory caches shared by the hot paths (clients, verified tokens, users). */
package dev.latchkey.oauth.internal.cache;
