/** Events the OAuth module publishes: tokens issued or refused, clients changed. */
package dev.latchkey.oauth.events;
