package org.tokenomics;

/**
 * An overridable input of a model: a top-level {@code param} or an instance's param attribute
 * ({@code site.pue}).
 *
 * @param name         {@code gross_margin} or {@code site.pue}
 * @param unit         a readable unit of its dimension ({@code ""} when dimensionless; {@code date}, {@code bool})
 * @param defaultValue its value as written in the source
 * @param uncertain    whether its value is a distribution
 */
public record Param(String name, String unit, String defaultValue, boolean uncertain) {}
