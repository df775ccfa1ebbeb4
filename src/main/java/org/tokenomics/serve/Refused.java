package org.tokenomics.serve;

/**
 * A request the playground refuses (bad JSON, a path outside the folder, an unknown model): the
 * message says why, {@code status} is the HTTP status. Never a stack trace on the page.
 */
final class Refused extends RuntimeException {
  final int status;

  Refused(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }
}
