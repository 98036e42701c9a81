-- The console's store. One row per box with its latest state; one row per received sample metric.
-- Each *_at column holds the journal record id its value came with (the order within the box's epoch).
CREATE TABLE IF NOT EXISTS boxes (
    box_id          VARCHAR(64) PRIMARY KEY,
    group_id        VARCHAR(64) NOT NULL,
    online          BOOLEAN NOT NULL,
    bd_seq          BIGINT,
    epoch           BIGINT,
    last_seen       BIGINT NOT NULL,
    power           VARCHAR(16),
    power_at        BIGINT,
    input           VARCHAR(8),
    input_at        BIGINT,
    lamp_hours      BIGINT,
    lamp_hours_at   BIGINT,
    error           VARCHAR(256),
    error_at        BIGINT,
    reachable       BOOLEAN,
    reachable_at    BIGINT
);

CREATE TABLE IF NOT EXISTS samples (
    box_id      VARCHAR(64) NOT NULL,
    epoch       BIGINT NOT NULL,
    record_id   BIGINT NOT NULL,
    metric      VARCHAR(128) NOT NULL,
    taken_at    BIGINT NOT NULL,
    val         VARCHAR(1024),
    historical  BOOLEAN NOT NULL,
    PRIMARY KEY (box_id, epoch, record_id, metric)
);

CREATE INDEX IF NOT EXISTS samples_by_box_time ON samples(box_id, taken_at);
