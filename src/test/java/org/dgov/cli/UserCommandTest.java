package org.dgov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.dgov.store.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code user}: the users file is readable by its owner only, each run says in one line what it
 * did, and a name the file has is refused unless {@code --replace}, which replaces its line.
 */
class UserCommandTest {

  private static final String PASSWORD = "a long passphrase here";

  private static Run user(String password, String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "user";
    System.arraycopy(args, 0, command, 1, args.length);
    return Run.withInput(password + "\n", command);
  }

  @Test
  void theUsersFileIsMadeReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    assumeTrue(
        Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
        "POSIX permissions");
    Path file = dir.resolve("users.txt");
    Run run = user(PASSWORD, "alice", "--users", file.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        List.of("created " + file + " (readable by its owner only) with user alice"),
        run.out().lines().toList());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(0, user(PASSWORD, "bob", "--users", file.toString()).exit());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
        "a file made readable by others is made owner-only again");
  }

  @Test
  void anExistingNameIsRefusedUnlessReplacedAndThenItsLineIsReplaced(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("users.txt");
    assertEquals(0, user(PASSWORD, "alice", "--users", file.toString()).exit());
    Run bob = user(PASSWORD, "bob", "--users", file.toString());
    assertEquals(List.of("added user bob to " + file), bob.out().lines().toList());

    Run again = user("another long passphrase", "alice", "--users", file.toString());
    assertEquals(Main.UNREADABLE, again.exit());
    assertTrue(
        again.err().contains(file + ":1: there is a user alice already; give --replace"),
        again.err());
    assertTrue(Users.read(file).verify("alice", PASSWORD), "the password is unchanged");

    Run replaced =
        user("another long passphrase", "alice", "--users", file.toString(), "--replace");
    assertEquals(0, replaced.exit(), replaced.err());
    assertEquals(
        List.of("replaced the password of user alice in " + file), replaced.out().lines().toList());
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size(), "replaced, not appended: " + lines);
    assertTrue(lines.get(0).startsWith("alice:") && lines.get(1).startsWith("bob:"), lines + "");
    Users users = Users.read(file);
    assertTrue(users.verify("alice", "another long passphrase"));
    assertFalse(users.verify("alice", PASSWORD));
    assertTrue(users.verify("bob", PASSWORD));
  }

  @Test
  void usersFilesAndStoresAreIgnoredByGit() throws Exception {
    List<String> ignored = Files.readAllLines(Path.of(".gitignore"));
    for (String pattern : List.of("users.txt", "/store/", "db/", "*.tdb2")) {
      assertTrue(ignored.contains(pattern), pattern + " in .gitignore");
    }
  }
}
