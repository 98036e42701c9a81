/**
 * The store-and-forward journal: every sample the box takes is appended here (an H2 file in the data directory)
 * before anything tries to send it, and removed only once the broker has acknowledged it. All JDBC runs on the
 * single {@code journal} worker thread; callers get Vert.x Futures completed on their own context.
 */
package org.classbox.agent.journal;
