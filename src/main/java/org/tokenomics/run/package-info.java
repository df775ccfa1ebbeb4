/**
 * One evaluation of a compiled model with overrides applied: every report and assertion computed,
 * evaluation errors collected per report. Above {@code eval}, below {@code mc} and {@code explain},
 * which run a model many times, and the public API. Internal.
 */
package org.tokenomics.run;
