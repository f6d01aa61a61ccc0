/** What the kernel offers every module: events, ids, secrets, the ephemeral store, the cluster broadcast, settings, problems. */
package dev.latchkey.kernel.api;
