/**
 * Benchmarks behind every figure classbox claims. Each runs the alternatives side by side in one run on this
 * machine and prints ratios, because the machines are shared and noisy; the last line is the figure and its target.
 * Plain harnesses on plain threads: nothing here is product code.
 */
package org.classbox.bench;
