/**
 * The store-and-forward journal: every sample the box takes is appended here (an H2 file in the data directory,
 * behind the write-ahead log {@code journal.log}, with the epoch, id mark and bdSeq in {@code journal.state}) before
 * anything tries to send it, and removed only once the broker has acknowledged it. It refuses what it must when the
 * disk fills and recovers by itself. All JDBC and file I/O runs on the single {@code journal} worker thread; callers
 * get Vert.x Futures completed on their own context.
 */
package org.classbox.agent.journal;
