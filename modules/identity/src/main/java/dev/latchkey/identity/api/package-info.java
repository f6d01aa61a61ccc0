/** The identity facades ({@link dev.latchkey.identity.api.UserDirectory}, {@link dev.latchkey.identity.api.LoginFlow}) and the login-step SPI. */
package dev.latchkey.identity.api;
