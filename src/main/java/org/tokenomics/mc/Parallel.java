package org.tokenomics.mc;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs tasks 0..n-1 on a few worker threads that take the next task as they finish one. Results
 * must not depend on which thread runs which task: callers write to disjoint places.
 */
final class Parallel {
  private Parallel() {}

  /**
   * Runs every task; the calling thread polls {@code tick} about ten times a second. A tick that
   * throws (a cancelled run) stops the workers after the tasks they are on, and is rethrown.
   */
  static void run(int n, int threads, IntConsumer task, Runnable tick) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    workers(Math.min(threads, n), () -> {
      int i;
      while (failure.get() == null && (i = next.getAndIncrement()) < n) {
        try {
          task.accept(i);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }
    }, failure, tick);
  }

  /**
   * Runs {@code worker} on {@code threads} threads (at least one) until each returns; the calling
   * thread polls {@code tick} about ten times a second. Workers record what they throw in {@code
   * failure} and stop when it is set; a tick that throws sets it. The failure is rethrown.
   */
  static void workers(int threads, Runnable worker, AtomicReference<Throwable> failure, Runnable tick) {
    int count = Math.max(1, threads);
    Thread[] workers = new Thread[count];
    for (int k = 0; k < count; k++) {
      workers[k] = new Thread(worker, "tok-mc-" + k);
      workers[k].setDaemon(true);
      workers[k].start();
    }
    try {
      for (Thread w : workers) {
        while (w.isAlive()) {
          w.join(100);
          if (failure.get() == null) {
            try {
              tick.run();
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
      for (Thread w : workers) {
        w.interrupt();
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}
