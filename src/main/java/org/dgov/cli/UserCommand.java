package org.dgov.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.dgov.store.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = {
      "Adds a user who may write to a users file: reads the password from standard input",
      "and stores only a salted PBKDF2 hash."
    })
final class UserCommand implements Callable<Integer> {

  @Parameters(paramLabel = "NAME", description = "The user name.")
  String name;

  @Option(
      names = "--users",
      required = true,
      paramLabel = "FILE",
      description = "The users file to add to (created if missing).")
  Path users;

  @Override
  public Integer call() throws Exception {
    String password =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (password == null || password.length() < 12) {
      throw new IllegalArgumentException(
          "give a password of at least 12 characters on standard input");
    }
    Files.writeString(
        users,
        Users.line(name, password.toCharArray()) + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return 0;
  }
}
