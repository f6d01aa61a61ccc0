/** The oauth module's typed settings ({@code latchkey.oauth.*}). */
package dev.latchkey.oauth.internal.config;
