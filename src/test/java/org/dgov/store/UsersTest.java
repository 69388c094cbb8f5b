package org.dgov.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passwords: checked against their hash, recognised again after a success, never a wrong one. */
class UsersTest {

  @Test
  void aVerifiedPasswordIsRecognisedAgainAndAWrongOneNever(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.txt");
    Files.writeString(
        file,
        Users.line("alice", "secret".toCharArray())
            + "\n"
            + Users.line("bob", "other".toCharArray())
            + "\n");
    Users users = Users.read(file);
    assertFalse(users.verify("alice", "guess"), "wrong before any success");
    assertTrue(users.verify("alice", "secret"));
    assertTrue(users.verify("alice", "secret"), "recognised again");
    assertFalse(users.verify("alice", "secret2"), "wrong after a success");
    assertFalse(users.verify("alice", ""));
    assertFalse(users.verify("bob", "secret"), "alice's password is not bob's");
    assertTrue(users.verify("bob", "other"));
    assertFalse(users.verify("carol", "secret"), "not in the file");
    assertTrue(users.verifyBasic(basic("alice:secret")));
    assertFalse(users.verifyBasic(basic("alice:secreT")));
    assertFalse(users.verifyBasic("Basic not-base64!"));
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
