package org.tokenomics.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tokenomics.check.CompiledModel;

/**
 * {@link WavePipeline}: every task runs once, each only after what it reads is written and before
 * its buffer is written again, each chunk sees its waves in order, with one, two or three buffers
 * (one: no deadlock in the wave-by-wave order); a failing task or tick stops the run and is
 * rethrown, with no worker left waiting. And the engine's choice of buffers by the heap.
 */
class WavePipelineProperties {

  /** Checks each task's dependencies as it runs, on whatever thread runs it. */
  private static final class Checked implements WavePipeline.Stage {
    final int[] blocks;
    final int chunks;
    final AtomicIntegerArray evaluated; // per wave
    final AtomicIntegerArray fed;       // per wave
    final AtomicIntegerArray chunkWave; // per chunk, the waves fed
    final AtomicIntegerArray slotWave;  // per slot, the wave last written into it
    final int slots;
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger ran = new AtomicInteger();

    Checked(int[] blocks, int chunks, int slots) {
      this.blocks = blocks;
      this.chunks = chunks;
      this.slots = slots;
      evaluated = new AtomicIntegerArray(blocks.length);
      fed = new AtomicIntegerArray(blocks.length);
      chunkWave = new AtomicIntegerArray(chunks);
      slotWave = new AtomicIntegerArray(WavePipeline.SLOTS);
      for (int s = 0; s < WavePipeline.SLOTS; s++) {
        slotWave.set(s, -1);
      }
    }

    @Override
    public void evaluate(int wave, int slot, int block) {
      ran.incrementAndGet();
      int before = slotWave.getAndAccumulate(slot, wave, Math::max);
      if (before >= 0 && before != wave && fed.get(before) != chunks) {
        problems.add("wave " + wave + " overwrote slot " + slot + " before wave " + before + " was fed");
      }
      if (slot != wave % slots) {
        problems.add("wave " + wave + " in slot " + slot);
      }
      Thread.yield(); // let the other threads run into this task's window
      evaluated.incrementAndGet(wave);
    }

    @Override
    public void feed(int wave, int slot, int chunk) {
      ran.incrementAndGet();
      if (evaluated.get(wave) != blocks[wave]) {
        problems.add("wave " + wave + " fed before its blocks were evaluated");
      }
      if (slotWave.get(slot) != wave) {
        problems.add("wave " + wave + "'s slot holds wave " + slotWave.get(slot));
      }
      if (chunkWave.get(chunk) != wave) {
        problems.add("chunk " + chunk + " of wave " + wave + " fed after " + chunkWave.get(chunk) + " waves");
      }
      Thread.yield();
      chunkWave.set(chunk, wave + 1);
      fed.incrementAndGet(wave);
    }
  }

  @Property(tries = 300)
  void everyTaskRunsOnceAfterWhatItReads(@ForAll @IntRange(min = 1, max = 9) int waves,
                                         @ForAll @IntRange(min = 1, max = 5) int blocksPerWave,
                                         @ForAll @IntRange(min = 1, max = 6) int chunks,
                                         @ForAll @IntRange(min = 1, max = 6) int threads,
                                         @ForAll @IntRange(min = 1, max = WavePipeline.SLOTS) int slots) {
    int[] blocks = new int[waves];
    java.util.Arrays.fill(blocks, blocksPerWave);
    blocks[waves - 1] = Math.max(1, blocksPerWave - 1); // a short last wave
    Checked stage = new Checked(blocks, chunks, slots);
    WavePipeline.run(blocks, chunks, slots, threads, stage, () -> { });
    assertEquals(List.of(), stage.problems);
    int tasks = waves * chunks;
    for (int b : blocks) {
      tasks += b;
    }
    assertEquals(tasks, stage.ran.get());
    for (int c = 0; c < chunks; c++) {
      assertEquals(waves, stage.chunkWave.get(c));
    }
  }

  @Example
  void aFailingTaskStopsTheRunWithNoWorkerLeftWaiting() {
    IllegalStateException boom = new IllegalStateException("boom");
    int[] blocks = {4, 4, 4, 4, 4, 4};
    for (int threads : new int[] {1, 2, 5}) {
      AtomicInteger fedAfter = new AtomicInteger();
      IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
          WavePipeline.run(blocks, 3, 1 + threads % WavePipeline.SLOTS, threads, new WavePipeline.Stage() {
            @Override
            public void evaluate(int wave, int slot, int block) {
              if (wave == 2 && block == 1) {
                throw boom; // the feeding of wave 2 waits for this block, and must not wait forever
              }
            }

            @Override
            public void feed(int wave, int slot, int chunk) {
              if (wave >= 2) {
                fedAfter.incrementAndGet();
              }
            }
          }, () -> { }));
      assertSame(boom, thrown);
      assertEquals(0, fedAfter.get(), "wave 2 was fed without one of its blocks");
    }
  }

  @Example
  void aTickThatThrowsCancelsTheRun() {
    RuntimeException cancelled = new RuntimeException("cancelled");
    AtomicInteger ran = new AtomicInteger();
    int[] blocks = new int[200];
    java.util.Arrays.fill(blocks, 3);
    RuntimeException thrown = assertThrows(RuntimeException.class, () ->
        WavePipeline.run(blocks, 2, WavePipeline.SLOTS, 2, new WavePipeline.Stage() {
          @Override
          public void evaluate(int wave, int slot, int block) {
            ran.incrementAndGet();
            sleep();
          }

          @Override
          public void feed(int wave, int slot, int chunk) {
            ran.incrementAndGet();
          }
        }, () -> {
          throw cancelled;
        }));
    assertSame(cancelled, thrown);
    // all 1,000 tasks would take 1.2 s or more (600 blocks of 4 ms on two threads); the tick throws at 0.1 s
    assertTrue(ran.get() < 1_000, ran.get() + " tasks ran: the cancel did not stop the run");
  }

  @Example
  void aSmallHeapGetsFewerBuffers() {
    // 601 report values: a wave of 6,144 samples, 29.5 MB a buffer
    CompiledModel model = MonteCarloTest.model("""
        timeline 2026 to 2075 monthly
        param g = uniform(0 %, 2 %)
        report demand = 1 GW * grow(by: g, every: month) as GW
        report twice = 2 GW * grow(by: g, every: month) as GW
        """);
    Engine e = new Engine(model, Sampler.of(model, List.of()), 1_000_000, 1, MonteCarlo.Options.defaults().withExactBudget(1), 0, false);
    long buffer = 8L * e.cells * e.waveLen;
    assertEquals(1_200, e.cells);
    assertEquals(3, e.buffers(100, 1L << 30));
    assertEquals(2, e.buffers(100, 8 * buffer + (8 * buffer) / 2));
    assertEquals(1, e.buffers(100, 4 * buffer));
    assertEquals(2, e.buffers(2, 1L << 30)); // no more buffers than waves
    assertEquals(1, e.buffers(1, 1L << 30));
  }

  private static void sleep() {
    try {
      Thread.sleep(4);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
