package org.dgov;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.fuseki.main.FusekiServer;
import org.dgov.graph.Project;
import org.dgov.server.DgovServer;
import org.dgov.store.Users;

/** The repository under test, and throw-away copies of it for tests that break things. */
public final class TestProjects {

  private TestProjects() {}

  /** The repository itself: Maven runs tests from its root. */
  public static Project repository() {
    return Project.at(Path.of("."));
  }

  /** A copy of the curated files in {@code dir}, for tests that add or break data. */
  public static Project copy(Path dir) throws IOException {
    Path root = repository().root();
    for (String part : List.of("ontology", "shapes", "data", "queries", "rules", "source")) {
      copyTree(root.resolve(part), dir.resolve(part));
    }
    Files.copy(root.resolve("fuseki-config.ttl"), dir.resolve("fuseki-config.ttl"));
    return Project.at(dir);
  }

  /** The password of {@link #USER} on the writable test servers. */
  public static final String PASSWORD = "correct horse battery staple";

  /** The user who may write to the writable test servers. */
  public static final String USER = "alice";

  /** The {@code Authorization} header of {@link #USER}. */
  public static final String AUTHORIZATION =
      "Basic "
          + java.util.Base64.getEncoder()
              .encodeToString(
                  (USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

  /** A users file in {@code dir} holding {@link #USER}. */
  public static Path usersFile(Path dir) throws IOException {
    Path users = dir.resolve("users");
    Files.writeString(users, Users.line(USER, PASSWORD.toCharArray()) + "\n");
    return users;
  }

  /** A writable server on a copy of the repository in {@code dir}, on a free loopback port. */
  public static FusekiServer writableServer(Path dir) throws Exception {
    return writableServer(dir, Clock.systemUTC());
  }

  /** As {@link #writableServer(Path)}, timing sign-ins (backoffs) by {@code clock}. */
  public static FusekiServer writableServer(Path dir, Clock clock) throws Exception {
    return DgovServer.start(
        copy(dir.resolve("repo")),
        0,
        true,
        new DgovServer.Writes(dir.resolve("db"), Users.read(usersFile(dir), clock)));
  }

  /** Copies the folder {@code from} with all it holds to {@code to}. */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
