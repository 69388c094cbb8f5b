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
 * derivation. A wrong password always pays it.
 */
public final class Users {

  private static final int ITERATIONS = 210_000;

  /** How long a verified name and password are recognised without the key derivation. */
  static final Duration REMEMBERED = Duration.ofMinutes(10);

  private final Map<String, String> hashes;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private final SecretKeySpec key;

  /** The HMAC of a name and password that passed, and until when it is recognised. */
  private record Verified(byte[] mac, Instant until) {}

  private Users(Map<String, String> hashes) {
    this.hashes = hashes;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** Reads {@code file}; a malformed line is an error naming the line. */
  public static Users read(Path file) throws IOException {
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
      hashes.put(parts[0], line.substring(parts[0].length() + 1));
    }
    return new Users(hashes);
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
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder();
    return name
        + ":pbkdf2-sha256:"
        + ITERATIONS
        + ":"
        + b64.encodeToString(salt)
        + ":"
        + b64.encodeToString(hash(password, salt, ITERATIONS));
  }

  /** Whether {@code password} is {@code name}'s. */
  public boolean verify(String name, String password) {
    String stored = hashes.get(name);
    if (stored == null) {
      return false;
    }
    byte[] mac = mac(name, password);
    Verified known = verified.get(name);
    if (known != null
        && Instant.now().isBefore(known.until())
        && MessageDigest.isEqual(known.mac(), mac)) {
      return true;
    }
    String[] parts = stored.split(":");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    boolean valid =
        MessageDigest.isEqual(
            expected, hash(password.toCharArray(), salt, Integer.parseInt(parts[1])));
    if (valid) {
      verified.put(name, new Verified(mac, Instant.now().plus(REMEMBERED)));
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

  private static byte[] hash(char[] password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password, salt, iterations, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decodes an HTTP Basic {@code Authorization} header and checks it. */
  public boolean verifyBasic(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    return colon > 0 && verify(decoded.substring(0, colon), decoded.substring(colon + 1));
  }
}
