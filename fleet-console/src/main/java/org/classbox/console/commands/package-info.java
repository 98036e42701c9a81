/**
 * Commands to boxes and their devices: the catalogue of known commands, the {@code commands} table (every command
 * and the box's answer to it), the REST routes that send them as Sparkplug DCMD/NCMD and a sweep that marks
 * unanswered ones. Routes run on the event loop; SQL runs inside the store's transactions on its worker.
 */
package org.classbox.console.commands;
