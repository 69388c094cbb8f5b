package org.dgov.store;

import java.time.Duration;

/** What {@link Users#signIn} found of a client's credentials. */
public sealed interface SignIn {

  /** The credentials are {@code user}'s. */
  record Accepted(String user) implements SignIn {}

  /** No credentials, or wrong ones: a user name the file does not have, or a wrong password. */
  record Refused() implements SignIn {}

  /**
   * Too many wrong credentials came from this client, or for this user name: nothing was checked,
   * and the client may try again after {@code retryAfter}; {@code reason} says which, in a sentence
   * that does not tell whether the user name exists.
   */
  record Slowed(Duration retryAfter, String reason) implements SignIn {}
}
