package org.dgov.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The users who may write: a file of {@code name:pbkdf2-sha256:iterations:salt:hash} lines (Base64
 * salt and hash), made with {@code dgov-kg user NAME --users FILE}. No password is stored.
 *
 * <p>A password is checked against its slow PBKDF2 hash once; for the next {@link #REMEMBERED} the
 * same name and password are recognised by an HMAC under a key that lives only in this process (as
 * a web server's authentication cache does), so that a curator's every write does not pay the key
 * derivation. A wrong password always pays it, and so does a user name the file does not have
 * (against a hash of no one's), so that the time of an answer does not tell which names exist.
 *
 * <p>{@link #signIn} slows guessing with two exponential backoffs ({@link Backoff}): one per client
 * address and one per user name (known or not), each free for {@value #FREE_FAILURES} failures in a
 * row, then 1 s, 2 s, 4 s, … at most {@link #LONGEST_WAIT}, and reset by a success. So that an
 * attacker guessing one curator's password from many addresses cannot keep her out, the per-user
 * backoff neither holds nor counts the addresses that name has signed in from since the server
 * started (her own machines go on writing during an attack on her name); from a new address she
 * waits at most {@link #LONGEST_WAIT} per attempt.
 */
public final class Users {

  private static final int ITERATIONS = 210_000;

  /** How long a verified name and password are recognised without the key derivation. */
  static final Duration REMEMBERED = Duration.ofMinutes(10);

  /** Wrong credentials in a row that a client, or a user name, may send before it waits. */
  public static final int FREE_FAILURES = 10;

  /** The longest wait between two checked attempts of a client, or for a user name. */
  public static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

  /** The wait after the first failure beyond the free ones; each further failure doubles it. */
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);

  /** Failures are forgotten after this long without one. */
  static final Duration FORGOTTEN = Duration.ofMinutes(15);

  /** Addresses a user's sign-ins are remembered from, for the per-user backoff. */
  static final int ADDRESSES_KEPT = 16;

  /** The slow hash of a password: PBKDF2 in the server, counted in tests. */
  interface KeyDerivation {
    byte[] derive(char[] password, byte[] salt, int iterations);
  }

  private final Map<String, String> hashes;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> signedInFrom = new ConcurrentHashMap<>();
  private final SecretKeySpec key;
  private final Clock clock;
  private final KeyDerivation derivation;
  private final Backoff byClient;
  private final Backoff byUser;

  /** What an unknown user name is checked against: a salt and a hash of no password. */
  private final byte[] noOnesSalt = random(16);

  private final byte[] noOnesHash = random(32);

  /** The HMAC of a name and password that passed, and until when it is recognised. */
  private record Verified(byte[] mac, Instant until) {}

  Users(Map<String, String> hashes, Clock clock, KeyDerivation derivation) {
    this.hashes = hashes;
    this.key = new SecretKeySpec(random(32), "HmacSHA256");
    this.clock = clock;
    this.derivation = derivation;
    this.byClient = new Backoff(FREE_FAILURES, FIRST_WAIT, LONGEST_WAIT, FORGOTTEN, clock);
    this.byUser = new Backoff(FREE_FAILURES, FIRST_WAIT, LONGEST_WAIT, FORGOTTEN, clock);
  }

  /** Reads {@code file}; a malformed line is an error naming the line. */
  public static Users read(Path file) throws IOException {
    return read(file, Clock.systemUTC());
  }

  /** Reads {@code file}, timing remembered passwords and backoffs by {@code clock}. */
  public static Users read(Path file, Clock clock) throws IOException {
    return new Users(hashes(file), clock, Users::hash);
  }

  private static Map<String, String> hashes(Path file) throws IOException {
    Map<String, String> hashes = new HashMap<>();
    int number = 0;
    for (String line : Files.readAllLines(file)) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(":");
      if (parts.length != 5 || !parts[1].equals("pbkdf2-sha256")) {
        throw new IOException(
            file + ":" + number + ": expected name:pbkdf2-sha256:iterations:salt:hash");
      }
      try {
        Integer.parseInt(parts[2]);
        Base64.getDecoder().decode(parts[3]);
        Base64.getDecoder().decode(parts[4]);
      } catch (IllegalArgumentException e) {
        throw new IOException(
            file + ":" + number + ": iterations must be a number, salt and hash Base64");
      }
      hashes.put(parts[0], line.substring(parts[0].length() + 1));
    }
    return hashes;
  }

  /** What {@link #put} did to a users file. */
  public enum Put {
    /** made the file, with the user's line in it */
    CREATED,
    /** added a line for a user the file did not have */
    ADDED,
    /** replaced the line of a user the file had */
    REPLACED
  }

  /**
   * Writes {@code name}'s line with {@code password} into {@code file}: makes the file if there is
   * none, adds the line for a new name, and for a name the file has replaces its line in place when
   * {@code replace} says so, else refuses with the line that has it. The file is left readable and
   * writable by its owner only ({@code rw-------}) where the file system has POSIX permissions.
   */
  public static Put put(Path file, String name, char[] password, boolean replace)
      throws IOException {
    String added = line(name, password);
    boolean exists = Files.exists(file);
    List<String> lines = exists ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(name + ":")) {
        at = i;
      }
    }
    if (at >= 0 && !replace) {
      throw new IllegalArgumentException(
          file
              + ":"
              + (at + 1)
              + ": there is a user "
              + name
              + " already; give --replace to change the password");
    }
    if (at >= 0) {
      lines.set(at, added);
    } else {
      lines.add(added);
    }
    if (!exists && ownerOnlySupported(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
    Files.write(file, lines);
    if (ownerOnlySupported(file)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
    return !exists ? Put.CREATED : at >= 0 ? Put.REPLACED : Put.ADDED;
  }

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private static boolean ownerOnlySupported(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    return dir != null
        && Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  /** The line to add to a users file for {@code name} with {@code password}. */
  public static String line(String name, char[] password) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("user names are letters, digits, '.', '_' and '-'");
    }
    byte[] salt = random(16);
    Base64.Encoder b64 = Base64.getEncoder();
    return name
        + ":pbkdf2-sha256:"
        + ITERATIONS
        + ":"
        + b64.encodeToString(salt)
        + ":"
        + b64.encodeToString(hash(password, salt, ITERATIONS));
  }

  /**
   * Whether {@code password} is {@code name}'s. Every answer but a remembered success costs one key
   * derivation, whether the name exists or not.
   */
  public boolean verify(String name, String password) {
    byte[] mac = mac(name, password);
    Verified known = verified.get(name);
    if (known != null
        && clock.instant().isBefore(known.until())
        && MessageDigest.isEqual(known.mac(), mac)) {
      return true;
    }
    String stored = hashes.get(name);
    byte[] salt = noOnesSalt;
    byte[] expected = noOnesHash;
    int iterations = ITERATIONS;
    if (stored != null) {
      String[] parts = stored.split(":");
      iterations = Integer.parseInt(parts[1]);
      salt = Base64.getDecoder().decode(parts[2]);
      expected = Base64.getDecoder().decode(parts[3]);
    }
    boolean valid =
        MessageDigest.isEqual(expected, derivation.derive(password.toCharArray(), salt, iterations))
            && stored != null;
    if (valid) {
      verified.put(name, new Verified(mac, clock.instant().plus(REMEMBERED)));
    }
    return valid;
  }

  private byte[] mac(String name, String password) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      return hmac.doFinal((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PBKDF2 with HMAC-SHA256: the key derivation of the users file. */
  static byte[] hash(char[] password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password, salt, iterations, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks the HTTP Basic {@code authorization} header of a request from {@code client} (its
   * address), unless that client or that user name must wait: see the backoffs above. A request
   * without the header is refused without counting, as a browser's first request is.
   */
  public SignIn signIn(String client, String authorization) {
    if (authorization == null) {
      return new SignIn.Refused();
    }
    String[] credentials = basic(authorization);
    String name = credentials == null ? null : credentials[0];
    boolean trusted = name != null && signedInFrom.getOrDefault(name, Set.of()).contains(client);
    Duration clientWait = byClient.waiting(client);
    if (!clientWait.isZero()) {
      return slowed(clientWait, "too many wrong user names or passwords from " + client);
    }
    Duration userWait = name == null || trusted ? Duration.ZERO : byUser.waiting(name);
    if (!userWait.isZero()) {
      return slowed(
          userWait,
          "too many wrong passwords for this user name from addresses it has not signed in from");
    }
    byClient.attempt(client);
    if (name == null) {
      return new SignIn.Refused();
    }
    if (!trusted) {
      byUser.attempt(name);
    }
    if (!verify(name, credentials[1])) {
      return new SignIn.Refused();
    }
    byClient.success(client);
    byUser.success(name);
    Set<String> addresses = signedInFrom.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet());
    if (addresses.size() >= ADDRESSES_KEPT) {
      addresses.clear();
    }
    addresses.add(client);
    return new SignIn.Accepted(name);
  }

  private static SignIn slowed(Duration wait, String reason) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new SignIn.Slowed(
        Duration.ofSeconds(seconds), reason + ": try again in " + seconds + " s");
  }

  /** The user name and password of a Basic {@code Authorization} header, null if it is not one. */
  private static String[] basic(String header) {
    if (!header.startsWith("Basic ")) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon > 0
        ? new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)}
        : null;
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
