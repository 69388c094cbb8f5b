package org.dgov.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dgov.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords: checked against their hash, recognised again after a success, never a wrong one; an
 * unknown user name costs what a wrong password does; guesses are slowed by client and by user
 * name, without keeping a curator out.
 */
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
    assertEquals(new SignIn.Accepted("alice"), users.signIn("10.0.0.1", basic("alice:secret")));
    assertEquals(new SignIn.Refused(), users.signIn("10.0.0.1", basic("alice:secreT")));
    assertEquals(new SignIn.Refused(), users.signIn("10.0.0.1", "Basic not-base64!"));
    assertEquals(new SignIn.Refused(), users.signIn("10.0.0.1", null));
  }

  @Test
  void aMalformedLineIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.txt");
    Files.writeString(file, "# curators\nalice:pbkdf2-sha256:many:c2FsdA==:aGFzaA==\n");
    Exception e = assertThrows(Exception.class, () -> Users.read(file));
    assertTrue(e.getMessage().contains("users.txt:2: iterations must be a number"), e.getMessage());
  }

  @Test
  void anUnknownUserNameAndAWrongPasswordBothPayTheKeyDerivation() {
    List<Integer> iterations = new ArrayList<>();
    String line = Users.line("alice", "secret".toCharArray());
    Users users =
        new Users(
            Map.of("alice", line.substring("alice:".length())),
            new ManualClock(),
            (password, salt, n) -> {
              iterations.add(n);
              return Users.hash(password, salt, n);
            });
    assertFalse(users.verify("carol", "secret"), "not in the file");
    assertEquals(1, iterations.size(), "an unknown name is checked against a hash");
    assertFalse(users.verify("alice", "guess"));
    assertEquals(2, iterations.size(), "a wrong password is checked against its hash");
    assertEquals(iterations.get(0), iterations.get(1), "with the same work");
    assertTrue(users.verify("alice", "secret"));
    assertTrue(users.verify("alice", "secret"));
    assertEquals(3, iterations.size(), "only a remembered success skips it");
  }

  @Test
  void aClientWaitsExponentiallyAfterTenFailuresAtMostAMinuteUntilASuccess() {
    ManualClock clock = new ManualClock();
    AtomicInteger checked = new AtomicInteger();
    Users users = counting(clock, checked);
    String wrong = basic("alice:guess");
    for (int i = 0; i < Users.FREE_FAILURES; i++) {
      assertEquals(new SignIn.Refused(), users.signIn("10.0.0.1", wrong), "free " + (i + 1));
    }
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      SignIn slowed = users.signIn("10.0.0.1", wrong);
      Duration wait = assertInstanceOf(SignIn.Slowed.class, slowed).retryAfter();
      waits.add(wait.toSeconds());
      assertInstanceOf(
          SignIn.Slowed.class,
          users.signIn("10.0.0.1", basic("alice:secret")),
          "nothing is checked while the client waits, not even the right password");
      clock.advance(wait);
      assertEquals(new SignIn.Refused(), users.signIn("10.0.0.1", wrong), "checked after it");
    }
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), waits);
    assertEquals(Users.FREE_FAILURES + 9, checked.get(), "each wait lets one attempt through");
    assertInstanceOf(SignIn.Slowed.class, users.signIn("10.0.0.1", wrong));
    assertEquals(
        new SignIn.Refused(),
        users.signIn("10.0.0.2", basic("bob:guess")),
        "another client and name are not held");
    clock.advance(Users.LONGEST_WAIT);
    assertEquals(new SignIn.Accepted("alice"), users.signIn("10.0.0.1", basic("alice:secret")));
    for (int i = 0; i < Users.FREE_FAILURES; i++) {
      assertEquals(new SignIn.Refused(), users.signIn("10.0.0.1", wrong), "free again " + (i + 1));
    }
  }

  @Test
  void aUserNameGuessedFromManyAddressesWaitsButNotWhereItSignedInBefore() {
    ManualClock clock = new ManualClock();
    Users users = counting(clock, new AtomicInteger());
    assertEquals(new SignIn.Accepted("alice"), users.signIn("10.0.0.1", basic("alice:secret")));
    for (int i = 0; i < Users.FREE_FAILURES; i++) {
      assertEquals(new SignIn.Refused(), users.signIn("192.0.2." + i, basic("alice:guess")));
      assertEquals(new SignIn.Refused(), users.signIn("192.0.2." + i, basic("nobody:guess")));
    }
    SignIn held = users.signIn("198.51.100.1", basic("alice:guess"));
    SignIn.Slowed slowed = assertInstanceOf(SignIn.Slowed.class, held, "a new address waits");
    assertEquals(Users.FIRST_WAIT, slowed.retryAfter(), "the first step of the backoff");
    SignIn.Slowed unknown =
        assertInstanceOf(
            SignIn.Slowed.class,
            users.signIn("198.51.100.1", basic("nobody:guess")),
            "an unknown name is held alike");
    assertEquals(slowed.reason(), unknown.reason(), "the answer does not tell which names exist");
    assertEquals(
        new SignIn.Accepted("alice"),
        users.signIn("10.0.0.1", basic("alice:secret")),
        "the address alice signed in from is not held by the attack on her name");
    assertEquals(
        new SignIn.Refused(),
        users.signIn("198.51.100.1", basic("alice:guess")),
        "her success reset the name's backoff");
  }

  /** Users with alice's password "secret" hashed in one iteration, counting the checks. */
  private static Users counting(ManualClock clock, AtomicInteger checked) {
    byte[] fixedSalt = "sixteen byte salt".getBytes(StandardCharsets.UTF_8);
    Base64.Encoder b64 = Base64.getEncoder();
    String stored =
        "pbkdf2-sha256:1:"
            + b64.encodeToString(fixedSalt)
            + ":"
            + b64.encodeToString(Users.hash("secret".toCharArray(), fixedSalt, 1));
    return new Users(
        Map.of("alice", stored),
        clock,
        (password, salt, n) -> {
          checked.incrementAndGet();
          return Users.hash(password, salt, 1);
        });
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
