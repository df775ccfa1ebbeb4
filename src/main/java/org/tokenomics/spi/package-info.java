/**
 * Extension points of the Tok library: Java-implemented {@linkplain TokFunction functions},
 * Tok source {@linkplain TokModule modules} under a prefix, extra {@linkplain TokUnits units} and
 * dimensions, and {@linkplain TokReporter reporters} (output formats of {@code tok run}).
 *
 * <p>An implementation is found in one of four ways, all equivalent:
 * <ul>
 *   <li>on a plain class path, by {@link java.util.ServiceLoader}: list the class in
 *       {@code META-INF/services/org.tokenomics.spi.TokFunction} (and so on) of the plugin jar;
 *       {@link org.tokenomics.Tokenomics#standard()} finds it;</li>
 *   <li>by the host, explicitly: {@code Tokenomics.builder().function(f).module(m).build()};</li>
 *   <li>inside an OSGi framework, as a service registered under the interface's name;</li>
 *   <li>inside an Eclipse (Equinox) host, as an extension of {@code org.tokenomics.functions},
 *       {@code org.tokenomics.modules}, {@code org.tokenomics.units} or
 *       {@code org.tokenomics.reporters} in the plugin's {@code plugin.xml}.</li>
 * </ul>
 *
 * <p>Implementations must be thread-safe: one {@link org.tokenomics.Tokenomics} and the models it
 * compiles are shared between threads. A {@link TokFunction} must also be pure.
 */
package org.tokenomics.spi;
