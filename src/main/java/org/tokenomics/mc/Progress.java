package org.tokenomics.mc;

/** Told how far a long run has come; called from one thread, about ten times a second. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (done, total) -> { };

  void update(long done, long total);
}
