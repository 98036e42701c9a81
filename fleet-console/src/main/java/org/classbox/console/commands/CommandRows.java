package org.classbox.console.commands;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.classbox.console.audit.AuditLog;
import org.classbox.console.store.BoxKey;

/**
 * The {@code commands} table, used inside one store transaction on the store's worker. States: {@code sending}
 * (written, not yet taken by the broker), {@code sent}, then {@code ok}, {@code rejected} or {@code failed} from the
 * box's answer, {@code failed} when the broker did not take it, {@code unanswered} after the answer time. Every
 * change of a command's fate has its audit row in the same transaction. Portable SQL (H2 and PostgreSQL).
 */
public final class CommandRows {
    /** The device a box answers node commands and commands to devices it does not have on. */
    public static final String BOX_DEVICE = "devices";
    /** A box answers a command with a metric named so, then the command's name. */
    public static final String ANSWER_PREFIX = "Command/";
    static final String SENDING = "sending";
    private static final String COLUMNS = "id, group_id, box_id, device_id, name, val, operator, sent_at, state,"
            + " outcome, answered_at";

    private final Connection connection;

    public CommandRows(Connection connection) {
        this.connection = connection;
    }

    /** A command row before it is published, with its audit row; returns its id. */
    long insert(BoxKey box, CommandCatalog.Command command, String operator, long now) throws SQLException {
        long id;
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO commands(group_id, box_id, device_id,"
                + " name, val, operator, sent_at, state) VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setString(3, command.device());
            ps.setString(4, command.name());
            ps.setString(5, command.valueText());
            ps.setString(6, operator);
            ps.setLong(7, now);
            ps.setString(8, SENDING);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        AuditLog.append(connection, now, operator, "command", target(box, command.device()),
                "#" + id + " " + command.name() + "=" + command.valueText(), SENDING);
        return id;
    }

    /** The broker took the command; an answer that came first has already set its state. */
    void sent(long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE commands SET state = 'sent' WHERE id = ? AND state = ?")) {
            ps.setLong(1, id);
            ps.setString(2, SENDING);
            ps.executeUpdate();
        }
    }

    /** The broker did not take the command. */
    void failed(long id, String why, long now) throws SQLException {
        CommandView command = one(id);
        finish(id, "failed", "failed: " + why, now, null, null);
        AuditLog.append(connection, now, command.operator(), "command-outcome", target(command),
                "#" + id + " " + command.name() + "=" + command.value(), "failed: " + why);
    }

    /**
     * The box's answer {@code text} ({@code Command/<name>} of journal record {@code recordId} on {@code device})
     * settles the oldest command of that box, device and name still waiting for one (those sent before those marked
     * unanswered). On the box's own device {@value #BOX_DEVICE} it settles a node command first, else any device's.
     * A record that answered already answers nothing again. Returns whether a command was settled.
     */
    public boolean answer(BoxKey box, String device, String name, String text, long epoch, long recordId, long now)
            throws SQLException {
        try (PreparedStatement seen = connection.prepareStatement("SELECT 1 FROM commands WHERE group_id = ?"
                + " AND box_id = ? AND answer_epoch = ? AND answer_record = ? AND name = ?")) {
            seen.setString(1, box.groupId());
            seen.setString(2, box.boxId());
            seen.setLong(3, epoch);
            seen.setLong(4, recordId);
            seen.setString(5, name);
            try (ResultSet rs = seen.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        Long id = null;
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM commands WHERE group_id = ?"
                + " AND box_id = ? AND name = ? AND state IN ('sending', 'sent', 'unanswered')"
                + " AND (device_id = ? OR ? = 'devices') ORDER BY CASE WHEN state = 'unanswered' THEN 1 ELSE 0 END,"
                + " CASE WHEN device_id = '' THEN 0 ELSE 1 END, sent_at, id LIMIT 1")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            ps.setString(3, name);
            ps.setString(4, device);
            ps.setString(5, device);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong(1);
                }
            }
        }
        if (id == null) {
            return false;
        }
        String outcome = text == null ? "" : text;
        String state = outcome.startsWith("ok") ? "ok" : outcome.startsWith("rejected") ? "rejected" : "failed";
        CommandView command = one(id);
        finish(id, state, outcome, now, epoch, recordId);
        AuditLog.append(connection, now, command.operator(), "command-outcome", target(command),
                "#" + id + " " + command.name() + "=" + command.value(), outcome);
        return true;
    }

    /** A birth of {@code box} answers the oldest Rebirth still waiting: the births are the box's answer. */
    public void born(BoxKey box, long bdSeq, long now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM commands WHERE group_id = ?"
                + " AND box_id = ? AND device_id = '' AND name = 'Rebirth' AND state IN ('sending', 'sent')"
                + " ORDER BY sent_at, id LIMIT 1")) {
            ps.setString(1, box.groupId());
            ps.setString(2, box.boxId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                long id = rs.getLong(1);
                String outcome = "ok: born again (bdSeq " + bdSeq + ")";
                CommandView command = one(id);
                finish(id, "ok", outcome, now, null, null);
                AuditLog.append(connection, now, command.operator(), "command-outcome", target(command),
                        "#" + id + " " + command.name() + "=" + command.value(), outcome);
            }
        }
    }

    /** Commands still waiting for an answer sent before {@code sentBefore} become unanswered; returns how many. */
    public int expire(long sentBefore, long now) throws SQLException {
        List<CommandView> late = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM commands"
                + " WHERE state IN ('sending', 'sent') AND sent_at < ? ORDER BY id")) {
            ps.setLong(1, sentBefore);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    late.add(view(rs));
                }
            }
        }
        for (CommandView command : late) {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE commands SET state = 'unanswered'"
                    + " WHERE id = ?")) {
                ps.setLong(1, command.id());
                ps.executeUpdate();
            }
            AuditLog.append(connection, now, command.operator(), "command-outcome", target(command),
                    "#" + command.id() + " " + command.name() + "=" + command.value(), "unanswered");
        }
        return late.size();
    }

    /** The newest commands first, of {@code box} or (null) of every box. */
    public List<CommandView> newest(BoxKey box, int limit) throws SQLException {
        String where = box == null ? "" : " WHERE group_id = ? AND box_id = ?";
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM commands" + where
                + " ORDER BY sent_at DESC, id DESC LIMIT ?")) {
            int i = 1;
            if (box != null) {
                ps.setString(i++, box.groupId());
                ps.setString(i++, box.boxId());
            }
            ps.setInt(i, limit);
            List<CommandView> commands = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    commands.add(view(rs));
                }
            }
            return commands;
        }
    }

    CommandView one(long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM commands WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no command #" + id);
                }
                return view(rs);
            }
        }
    }

    private void finish(long id, String state, String outcome, long now, Long epoch, Long recordId)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE commands SET state = ?, outcome = ?,"
                + " answered_at = ?, answer_epoch = ?, answer_record = ? WHERE id = ?")) {
            ps.setString(1, state);
            ps.setString(2, outcome.length() > 1024 ? outcome.substring(0, 1024) : outcome);
            ps.setLong(3, now);
            ps.setObject(4, epoch, java.sql.Types.BIGINT);
            ps.setObject(5, recordId, java.sql.Types.BIGINT);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    private static CommandView view(ResultSet rs) throws SQLException {
        long answered = rs.getLong(11);
        Long answeredAt = rs.wasNull() ? null : answered;
        return new CommandView(rs.getLong(1), new BoxKey(rs.getString(2), rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10),
                answeredAt);
    }

    private static String target(CommandView command) {
        return target(command.box(), command.device());
    }

    private static String target(BoxKey box, String device) {
        return box.groupId() + "/" + box.boxId() + (device.isEmpty() ? "" : "/" + device);
    }
}
