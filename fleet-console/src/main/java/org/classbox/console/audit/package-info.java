/**
 * The operators' audit trail: who did what to which box or account, when, and with what outcome. Rows are written in
 * the same transaction as the action they record.
 */
package org.classbox.console.audit;
