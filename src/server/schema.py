"""Database schema as an ordered list of migrations.

`PRAGMA user_version` holds the number of migrations applied; `migrate()`
applies the missing ones at start, each in its own transaction.  Add new
migrations at the end, never edit an applied one.  Times are ISO 8601 text
with the +07:00 offset (they sort correctly as text).
"""
import re

# The columns a rating has had since migration 1, which migration 3 copies when it rebuilds the
# table (the first ones as declared there, then all of them by name).
RATING_COLUMNS = """
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL UNIQUE REFERENCES dossiers(id),
        idempotency_key TEXT NOT NULL,
        overall TEXT NOT NULL, attitude TEXT, on_time TEXT, ease TEXT,"""
RATING_NAMES = "id,dossier_id,idempotency_key,overall,attitude,on_time,ease,visits,comment,created_at"

MIGRATIONS = [
    # 1: initial schema
    f"""
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE agencies (
        code TEXT PRIMARY KEY,
        name_vi TEXT NOT NULL, name_en TEXT NOT NULL,
        address TEXT, phone TEXT
    );
    CREATE TABLE procedures (
        code TEXT PRIMARY KEY,
        name_vi TEXT NOT NULL, name_en TEXT NOT NULL,
        field_vi TEXT NOT NULL, field_en TEXT NOT NULL,
        agency_code TEXT NOT NULL REFERENCES agencies(code),
        processing_days INTEGER NOT NULL,
        fees_json TEXT NOT NULL DEFAULT '[]',
        documents_json TEXT NOT NULL DEFAULT '[]',
        legal_basis TEXT NOT NULL DEFAULT '',
        online INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE dossier_counters (
        agency_code TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL,
        PRIMARY KEY (agency_code, day)
    );
    CREATE TABLE dossiers (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        secret TEXT NOT NULL,
        procedure_code TEXT NOT NULL REFERENCES procedures(code),
        agency_code TEXT NOT NULL REFERENCES agencies(code),
        owner_name TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('counter','online','post')),
        received_at TEXT NOT NULL,
        original_due_at TEXT NOT NULL,
        due_at TEXT NOT NULL,
        status INTEGER NOT NULL CHECK (status BETWEEN 1 AND 10),
        status_note TEXT,
        completed_at TEXT,
        returned_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX dossiers_agency ON dossiers(agency_code);
    CREATE TABLE due_changes (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
        previous_due_at TEXT NOT NULL, due_at TEXT NOT NULL,
        apology INTEGER NOT NULL, reason TEXT, issued_at TEXT NOT NULL
    );
    CREATE INDEX due_changes_dossier ON due_changes(dossier_id);
    CREATE TABLE steps (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
        seq INTEGER NOT NULL,
        unit TEXT NOT NULL, officer_role TEXT NOT NULL, officer_name TEXT,
        action TEXT NOT NULL, status INTEGER NOT NULL,
        started_at TEXT NOT NULL, handled_at TEXT, deadline TEXT,
        UNIQUE (dossier_id, seq)
    );
    CREATE TABLE supplements (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
        content TEXT NOT NULL, requested_at TEXT NOT NULL, deadline TEXT,
        state TEXT NOT NULL CHECK (state IN ('open','fulfilled')),
        old_due_at TEXT, new_due_at TEXT, fulfilled_at TEXT
    );
    CREATE INDEX supplements_dossier ON supplements(dossier_id);
    CREATE TABLE fees (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
        name TEXT NOT NULL, amount INTEGER NOT NULL, paid INTEGER NOT NULL,
        paid_at TEXT
    );
    CREATE INDEX fees_dossier ON fees(dossier_id);
    CREATE TABLE results (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
        name TEXT NOT NULL, collect_place TEXT, collect_from TEXT
    );
    CREATE INDEX results_dossier ON results(dossier_id);
    CREATE TABLE ratings ({RATING_COLUMNS}
        visits TEXT NOT NULL, comment TEXT, created_at TEXT NOT NULL
    );
    CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY,
        dossier_code TEXT NOT NULL,
        expires_at REAL NOT NULL
    );
    CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        secret_hash TEXT NOT NULL,
        category TEXT NOT NULL, description TEXT NOT NULL,
        dossier_code TEXT, contact TEXT, anonymous INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open','in_progress','answered','closed')),
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE TABLE request_notes (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES requests(id),
        unit TEXT, note TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE INDEX request_notes_request ON request_notes(request_id);
    CREATE TABLE places (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        name_vi TEXT NOT NULL, name_en TEXT NOT NULL,
        description_vi TEXT, description_en TEXT,
        address TEXT, phone TEXT, lat REAL, lon REAL, hours TEXT
    );
    CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        severity TEXT NOT NULL CHECK (severity IN ('info','warning','danger')),
        title_vi TEXT NOT NULL, title_en TEXT NOT NULL,
        body_vi TEXT NOT NULL, body_en TEXT NOT NULL,
        area TEXT, starts_at TEXT NOT NULL, ends_at TEXT, created_at TEXT NOT NULL
    );
    """,
    # 2: expired lookup tokens are purged by expiry time
    """
    CREATE INDEX tokens_expires ON tokens(expires_at);
    """,
    # 3: counter terminals.  Ratings get their channel ('app' or 'counter') and the
    # counter number; `visits` becomes optional because the counter tablet does not ask it.
    # SQLite cannot drop NOT NULL in place, so the ratings table is rebuilt.
    f"""
    CREATE TABLE ratings_v3 ({RATING_COLUMNS}
        visits TEXT, comment TEXT, created_at TEXT NOT NULL,
        channel TEXT NOT NULL DEFAULT 'app' CHECK (channel IN ('app','counter')),
        counter INTEGER CHECK (counter BETWEEN 1 AND 99)
    );
    INSERT INTO ratings_v3({RATING_NAMES})
        SELECT {RATING_NAMES} FROM ratings;
    DROP TABLE ratings;
    ALTER TABLE ratings_v3 RENAME TO ratings;
    CREATE TABLE counter_assignments (
        id INTEGER PRIMARY KEY,
        counter INTEGER NOT NULL CHECK (counter BETWEEN 1 AND 99),
        dossier_id INTEGER REFERENCES dossiers(id),
        set_at TEXT NOT NULL
    );
    CREATE INDEX counter_assignments_dossier ON counter_assignments(dossier_id);
    CREATE TABLE counters (
        number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 99),
        assignment_id INTEGER NOT NULL REFERENCES counter_assignments(id),
        version INTEGER NOT NULL
    );
    """,
    # 4: frequent questions for the app's ask box, and places in more languages.
    # Places get their ko/zh/ja names and descriptions as {"ko": {"name", "description"}, ...} and
    # the facts of their kind (specialty shop, bus route and timetable, power cut area and times)
    # as JSON, because each kind has different ones.
    """
    CREATE TABLE faqs (
        id INTEGER PRIMARY KEY,
        question_vi TEXT NOT NULL, question_en TEXT NOT NULL,
        answer_vi TEXT NOT NULL, answer_en TEXT NOT NULL,
        keywords_json TEXT NOT NULL DEFAULT '[]',
        procedure_code TEXT REFERENCES procedures(code)
    );
    ALTER TABLE places ADD COLUMN i18n_json TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE places ADD COLUMN details_json TEXT NOT NULL DEFAULT '{}';
    CREATE INDEX procedures_field ON procedures(field_vi);
    CREATE INDEX procedures_agency ON procedures(agency_code);
    """,
    # 5: questions and complaints sent through the app's outbox carry an idempotency key, so a
    # retry after a lost answer creates nothing new.
    """
    ALTER TABLE requests ADD COLUMN idempotency_key TEXT;
    CREATE UNIQUE INDEX requests_idempotency ON requests(idempotency_key) WHERE idempotency_key IS NOT NULL;
    """,
    # 6: alerts in the tourists' languages too, as places have them: {"ko": {"title", "body"}, ...}.
    """
    ALTER TABLE alerts ADD COLUMN i18n_json TEXT NOT NULL DEFAULT '{}';
    """,
    # 7: lookup tokens are signed (any instance verifies them, nothing stored per lookup); a
    # dossier counts the tokens it has had so only its newest few stay alive. Counter tablets hold
    # a device credential issued by the back office (only its hash is kept).
    """
    DROP TABLE tokens;
    ALTER TABLE dossiers ADD COLUMN tokens_issued INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE counter_devices (
        number INTEGER PRIMARY KEY,
        secret_hash TEXT NOT NULL,
        issued_at TEXT NOT NULL
    );
    """,
    # 8: rate-limit events (failed lookups, lookups, counter ratings) where several instances
    # must count together (PostgreSQL); times are Unix seconds.
    """
    CREATE TABLE rate_events (key TEXT NOT NULL, at REAL NOT NULL);
    CREATE INDEX rate_events_key_at ON rate_events(key, at);
    """,
    # 9: notifications that reach a closed app (Web Push subscriptions, with the language the
    # citizen chose) and the province's event receivers (webhooks). Each dossier event writes its
    # deliveries into the outbox in the event's own transaction; senders claim rows (claimed_by,
    # next_at as the lease) and delete them once delivered. Times are Unix seconds.
    """
    CREATE TABLE push_subscriptions (
        id INTEGER PRIMARY KEY,
        dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
        endpoint TEXT NOT NULL, p256dh TEXT NOT NULL, auth TEXT NOT NULL,
        lang TEXT NOT NULL, created_at TEXT NOT NULL,
        UNIQUE (dossier_id, endpoint)
    );
    CREATE TABLE webhooks (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL, secret TEXT NOT NULL, events_json TEXT NOT NULL, created_at TEXT NOT NULL
    );
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('push','webhook')),
        target_id INTEGER NOT NULL,
        dossier_code TEXT NOT NULL,
        event_id TEXT NOT NULL,
        body TEXT NOT NULL,
        urgency TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at REAL NOT NULL,
        created_at REAL NOT NULL,
        claimed_by TEXT
    );
    CREATE INDEX outbox_order ON outbox(kind, target_id, dossier_code, id);
    CREATE INDEX outbox_next ON outbox(next_at);
    """,
    # 10: paying fees by VietQR and the generic look-up datasets. Each agency may have one collection
    # account. A dataset keeps its definition (names, typed fields, keys, shown fields, access) as
    # JSON; its rows keep the normalised key values (match_key: the full key, keys_json: each one)
    # beside the row as loaded, and are replaced as a whole in one transaction.
    """
    CREATE TABLE collection_accounts (
        agency_code TEXT PRIMARY KEY REFERENCES agencies(code),
        bank_bin TEXT NOT NULL, bank_name TEXT,
        account_number TEXT NOT NULL, account_name TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE datasets (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        definition_json TEXT NOT NULL,
        row_count INTEGER NOT NULL DEFAULT 0,
        loaded_at TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE dataset_rows (
        id INTEGER PRIMARY KEY,
        dataset_id INTEGER NOT NULL REFERENCES datasets(id),
        match_key TEXT NOT NULL,
        keys_json TEXT NOT NULL,
        data_json TEXT NOT NULL
    );
    CREATE INDEX dataset_rows_match ON dataset_rows(dataset_id, match_key);
    """,
]


def pg_ddl(sql):
    """The same migration for PostgreSQL: row ids become identity columns, INTEGER becomes BIGINT
    (ids and amounts beyond 2^31), REAL becomes DOUBLE PRECISION."""
    sql = re.sub(r"\bid INTEGER PRIMARY KEY\b", "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", sql)
    sql = re.sub(r"\bINTEGER\b", "BIGINT", sql)
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)


def migrate_pg(conn):
    """Apply missing migrations on PostgreSQL (several instances may start at once: the first
    takes an advisory lock, the others wait and find nothing left to do)."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT NOT NULL)")
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(715817)")
        row = conn.execute("SELECT MAX(version) AS v FROM schema_migrations").fetchone()
        current = row["v"] or 0
        for number, sql in enumerate(MIGRATIONS, start=1):
            if number <= current:
                continue
            for statement in pg_ddl(sql).split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations(version) VALUES (%s)", (number,))
    return len(MIGRATIONS)


def migrate(conn):
    """Apply missing migrations; return the schema version."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, sql in enumerate(MIGRATIONS, start=1):
        if number <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in sql.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)
