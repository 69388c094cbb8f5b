package org.dgov.server;

import java.util.Set;

/**
 * How the ad-hoc query lane is shared ({@link QueryLane}), as {@code fuseki-config.ttl} sets it on
 * its {@code fuseki:Server}.
 *
 * @param shortSlots queries that may run at once in their first {@code shortMillis} ({@code
 *     :shortLaneSlots})
 * @param shortMillis how long a query runs before it needs a heavy slot ({@code :shortLaneMillis})
 * @param heavySlots queries that may run at once past {@code shortMillis} ({@code
 *     :maxConcurrentQueries})
 * @param heavyPerClient heavy slots one client may hold at once ({@code :maxHeavyQueriesPerClient})
 * @param trustedProxies addresses whose {@code Forwarded} or {@code X-Forwarded-For} header names
 *     the client ({@code :trustedProxy}); from any other address the headers are ignored
 */
record LaneSettings(
    int shortSlots,
    long shortMillis,
    int heavySlots,
    int heavyPerClient,
    Set<String> trustedProxies) {}
