/**
 * Monte Carlo runs of Tok models on Apache Spark (EMBEDDING.md §11, issue 21): the {@code tok-spark}
 * artifact ({@code tok-VERSION-spark.jar}, never part of the library jar). A {@link
 * org.tokenomics.spark.ModelBundle} carries a model's sources to the executors, which compile it once
 * per JVM ({@link org.tokenomics.spark.BundleCache}); {@link org.tokenomics.spark.SparkTok} splits a
 * run into sample ranges and merges the parts into the {@link org.tokenomics.Simulation} a local run
 * with the same seed gives, bit for bit.
 */
package org.tokenomics.spark;
