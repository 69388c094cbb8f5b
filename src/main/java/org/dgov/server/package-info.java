/**
 * The server's wiring and guards: {@link org.dgov.server.DgovServer} builds the embedded Fuseki
 * server from {@code fuseki-config.ttl} ({@link org.dgov.server.ServerSettings}) and mounts the
 * pages of {@code web}; the guards bound what a request may cost ({@link
 * org.dgov.server.RequestLimits}, {@link org.dgov.server.QueryGuard}, {@link
 * org.dgov.server.Federation}), authenticate writes ({@link org.dgov.server.WriteGuard}) and set
 * security headers. {@code /dgov/validate} is {@link org.dgov.server.ValidateAction}.
 */
package org.dgov.server;
