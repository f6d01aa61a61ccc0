/** What the kernel offers every module: events, ids, secrets, the ephemeral store, settings, problems. */
package dev.latchkey.kernel.api;
