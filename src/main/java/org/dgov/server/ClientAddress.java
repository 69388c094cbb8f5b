package org.dgov.server;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who sent a request, for sharing the lane fairly: the remote address of the connection, or, when
 * that is a trusted proxy, the address the proxy names in {@code Forwarded} (RFC 7239, preferred)
 * or {@code X-Forwarded-For}. Read from the right: the last hop not itself a trusted proxy is the
 * client, so that a client cannot pass itself off as another by sending the header itself.
 */
final class ClientAddress {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Pattern FORWARDED_FOR =
      Pattern.compile("(?i)(?:^|;)\\s*for\\s*=\\s*\"?\\[?([^\";,\\]]*)");

  private final Set<String> trustedProxies;

  /** {@code trustedProxies}: IP address literals, IPv4 or IPv6. */
  ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies =
        trustedProxies.stream().map(ClientAddress::canonical).collect(Collectors.toSet());
  }

  /** The client of {@code request}, as a canonical IP address literal. */
  String of(HttpServletRequest request) {
    String remote =
        Objects.requireNonNullElse(
            canonical(request.getRemoteAddr()), String.valueOf(request.getRemoteAddr()));
    if (!trustedProxies.contains(remote)) {
      return remote;
    }
    List<String> hops = forwarded(request);
    Collections.reverse(hops);
    for (String hop : hops) {
      String address = canonical(hop);
      if (address == null) {
        return remote; // the proxy sent something that is not an address: count it as itself
      }
      if (!trustedProxies.contains(address)) {
        return address;
      }
    }
    return remote;
  }

  /** The addresses the proxies appended, left (first) to right (nearest). */
  private static List<String> forwarded(HttpServletRequest request) {
    List<String> forwarded = Collections.list(request.getHeaders("Forwarded"));
    if (!forwarded.isEmpty()) {
      return forwarded.stream()
          .flatMap(h -> List.of(h.split(",")).stream())
          .map(FORWARDED_FOR::matcher)
          .map(m -> m.find() ? m.group(1) : "")
          .collect(Collectors.toList());
    }
    return Collections.list(request.getHeaders("X-Forwarded-For")).stream()
        .flatMap(h -> List.of(h.split(",")).stream())
        .collect(Collectors.toList());
  }

  /**
   * {@code address} as Java writes it ({@code ::1} and {@code 0:0:0:0:0:0:0:1} alike), without a
   * port; null if it is not an IP address literal (never looked up by name).
   */
  static String canonical(String address) {
    String a = address == null ? "" : address.trim();
    if (a.startsWith("[") && a.contains("]")) {
      a = a.substring(1, a.indexOf(']'));
    } else if (a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':')) {
      a = a.substring(0, a.indexOf(':')); // IPv4 with a port
    }
    if (!IPV4.matcher(a).matches() && !IPV6.matcher(a).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(a).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
