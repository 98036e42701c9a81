package org.classbox.console.cluster;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Which shard a Sparkplug group belongs to: CRC-32 of its UTF-8 bytes, so every instance and version agrees. */
final class ShardMap {
    private ShardMap() {
    }

    static int shardOf(String groupId, int shards) {
        CRC32 crc = new CRC32();
        crc.update(groupId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }
}
