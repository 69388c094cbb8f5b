package org.dgov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of one commit give the same jar: the sources the jar is built from are copied to
 * another folder and built again, offline from the local repository this build used, and the two
 * shaded jars must have the same SHA-256. Failsafe passes in where Maven, the local repository and
 * this build's jar are.
 */
class ReproducibleBuildIT {

  @Test
  void aSecondBuildElsewhereGivesTheSameJar(@TempDir Path dir) throws Exception {
    Path jar = Path.of(System.getProperty("dgov.jar"));
    assertTrue(Files.isRegularFile(jar), jar + " is missing: run through mvn verify");
    Files.copy(Path.of("pom.xml"), dir.resolve("pom.xml"));
    TestProjects.copyTree(Path.of("src/main"), dir.resolve("src/main"));
    Path log = dir.resolve("build.log");
    Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
    ProcessBuilder build =
        new ProcessBuilder(
                mvn.toString(),
                "-B",
                "-o",
                "-q",
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                "-Dmaven.test.skip=true",
                "-Dspotless.check.skip=true",
                "package")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    build.environment().put("JAVA_HOME", System.getProperty("java.home"));
    int exitStatus = build.start().waitFor(); // no deadline: failsafe's fork timeout ends a hang
    assertEquals(0, exitStatus, () -> "the rebuild failed:\n" + read(log));
    assertEquals(sha256(jar), sha256(dir.resolve("target/dgov-kg.jar")), "the jars differ");
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String read(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
