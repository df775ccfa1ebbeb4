/**
 * Plugin discovery inside OSGi frameworks and Eclipse hosts. Internal: these classes refer to
 * {@code org.osgi.framework} and {@code org.eclipse.core.runtime}, which the bundle imports
 * optionally; {@link org.tokenomics.api.PluginDiscovery} loads them only when those are present,
 * so a plain class path never needs them.
 */
package org.tokenomics.osgi;
