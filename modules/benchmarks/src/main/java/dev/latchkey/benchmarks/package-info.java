/**
 * Latchkey's performance benchmarks. Nothing here is shipped, and nothing here runs during
 * {@code mvn verify}: the module only compiles.
 *
 * <ul>
 *   <li>{@link dev.latchkey.benchmarks.SigningBenchmark}: JMH, the raw signing rate of the JDK
 *       running it, for an access token of RFC 9068 shape (ES256, what {@code /token} signs on
 *       every grant) and an ID token (RS256), with Nimbus JOSE as the server uses it.</li>
 *   <li>{@link dev.latchkey.benchmarks.FixedRateLoad}: an open-loop load driver that sends
 *       {@code POST /token} at a fixed rate and reports latency percentiles (wrk, which measures
 *       the peak, has no fixed-rate mode).</li>
 * </ul>
 *
 * <p>{@code modules/benchmarks/run.sh} builds, starts a Liberty server of its own, measures
 * start-to-ready time, peak and fixed-rate {@code client_credentials} throughput, idle RSS and
 * the signing rate, and writes {@code results/latest.md}. Benchmarks report; they never fail a
 * build on a number.
 */
package dev.latchkey.benchmarks;
