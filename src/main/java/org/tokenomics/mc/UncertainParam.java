package org.tokenomics.mc;

import org.tokenomics.check.DistSpec;

/**
 * A param drawn under Monte Carlo: its distribution (after scenario and {@code --set} overrides),
 * its slot, its position in a frame's draws and its random stream.
 *
 * @param name   {@code growth} or {@code site.pue}
 * @param slot   the param's slot in the program
 * @param dist   the distribution's family and argument nodes
 * @param index  where its uniform draw sits in {@code Frame.draws}
 * @param stream its random stream ({@link Draws#stream})
 */
public record UncertainParam(String name, int slot, DistSpec dist, int index, long stream) {}
