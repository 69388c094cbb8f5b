package org.dgov.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dgov.store.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = {
      "Adds a user who may write to a users file: reads the password from standard input",
      "and stores only a salted PBKDF2 hash. The file is made readable by its owner only;",
      "a name it has already is refused unless --replace."
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

  @Option(names = "--replace", description = "Replace the password of a user the file has already.")
  boolean replace;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String password =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (password == null || password.length() < 12) {
      throw new IllegalArgumentException(
          "give a password of at least 12 characters on standard input");
    }
    Users.Put done = Users.put(users, name, password.toCharArray(), replace);
    spec.commandLine()
        .getOut()
        .println(
            switch (done) {
              case CREATED ->
                  "created " + users + " (readable by its owner only) with user " + name;
              case ADDED -> "added user " + name + " to " + users;
              case REPLACED -> "replaced the password of user " + name + " in " + users;
            });
    return 0;
  }
}
