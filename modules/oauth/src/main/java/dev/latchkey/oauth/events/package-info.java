/** Events the OAuth module publishes: tokens issued, clients changed. */
package dev.latchkey.oauth.events;
