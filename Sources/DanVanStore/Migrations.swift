// The versioned schema. Each migration is frozen once released: a database made by an older
// version opens and upgrades in place (GRDB's DatabaseMigrator records what ran in
// `grdb_migrations`). Never edit a released migration; add a new one.
//
// Names are the contract that saved scripts, the sqlite3 shell and later issues rely on
// (issue #2): a reference column holds the referenced row's id under the referenced
// entity's name (`models.unit`, `teams.contest`); booleans are 0/1; dates are ISO text
// `YYYY-MM-DD`; codes (status, kind, ...) are lower-case English words, shown through
// the labels in `Catalog`.
import GRDB

enum Migrations {
    /// Every migration in order. `v1` is the first released schema.
    static let all: [(id: String, sql: String)] = [
        ("v1", v1),
        ("v2-partners-tags", v2),
        ("v3-query-indexes", v3),
        ("v4-change-log", v4),
    ]

    /// The ids of every migration this version knows, to detect a file from a newer version.
    static var knownIDs: Set<String> { Set(all.map(\.id)) }

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (id, sql) in all {
            migrator.registerMigration(id) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    static let v1 = """
    CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,
        number INTEGER NOT NULL,
        name TEXT NOT NULL,
        system TEXT NOT NULL DEFAULT 'dan_van',
        UNIQUE (system, number)
    );
    CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        short_name TEXT,
        kind TEXT NOT NULL,
        level TEXT NOT NULL,
        parent INTEGER REFERENCES units(id),
        status TEXT NOT NULL DEFAULT 'active'
            CHECK (status IN ('active', 'merged', 'split', 'dissolved')),
        valid_from TEXT,
        valid_to TEXT,
        phone TEXT,
        search_key TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX units_parent ON units(parent);
    CREATE INDEX units_search_key ON units(search_key);
    CREATE TABLE unit_aliases (
        id INTEGER PRIMARY KEY,
        unit INTEGER NOT NULL REFERENCES units(id),
        alias TEXT NOT NULL
    );
    CREATE INDEX unit_aliases_unit ON unit_aliases(unit);
    CREATE TABLE unit_successions (
        id INTEGER PRIMARY KEY,
        old_unit INTEGER NOT NULL REFERENCES units(id),
        new_unit INTEGER NOT NULL REFERENCES units(id),
        effective_on TEXT NOT NULL,
        basis TEXT,
        whole INTEGER NOT NULL DEFAULT 1 CHECK (whole IN (0, 1))
    );
    CREATE INDEX unit_successions_old ON unit_successions(old_unit);
    CREATE INDEX unit_successions_new ON unit_successions(new_unit);
    CREATE TABLE cluster_members (
        id INTEGER PRIMARY KEY,
        cluster INTEGER NOT NULL REFERENCES clusters(id),
        unit INTEGER NOT NULL REFERENCES units(id),
        year INTEGER NOT NULL,
        role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('lead', 'deputy', 'member')),
        UNIQUE (cluster, unit, year)
    );
    CREATE INDEX cluster_members_unit ON cluster_members(unit);
    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        family_name TEXT NOT NULL,
        middle_name TEXT NOT NULL DEFAULT '',
        given_name TEXT NOT NULL,
        full_name TEXT GENERATED ALWAYS AS
            (trim(family_name || ' ' || CASE WHEN middle_name = '' THEN '' ELSE middle_name || ' ' END || given_name)) VIRTUAL,
        gender TEXT CHECK (gender IN ('male', 'female')),
        birth_year INTEGER,
        ethnicity TEXT,
        position TEXT,
        unit INTEGER REFERENCES units(id),
        party_member INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
        phone TEXT,
        search_key TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX people_unit ON people(unit);
    CREATE TABLE fields (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        short_name TEXT NOT NULL
    );
    CREATE TABLE movements (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        document_no TEXT,
        launched_on TEXT,
        launcher TEXT,
        from_on TEXT,
        to_on TEXT
    );
    CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('collective', 'individual')),
        field INTEGER REFERENCES fields(id),
        unit INTEGER NOT NULL REFERENCES units(id),
        person INTEGER REFERENCES people(id),
        location INTEGER REFERENCES units(id),
        movement INTEGER REFERENCES movements(id),
        year INTEGER NOT NULL,
        started_on TEXT,
        ended_on TEXT,
        status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN (
            'draft', 'registered', 'active', 'proposed', 'recognised', 'not_recognised',
            'suspended', 'discontinued', 'withdrawn')),
        recognition_level TEXT CHECK (recognition_level IN ('base', 'district', 'commune', 'city')),
        classification TEXT CHECK (classification IN ('good', 'maintain', 'weak', 'ineffective')),
        hotspot INTEGER NOT NULL DEFAULT 0 CHECK (hotspot IN (0, 1)),
        admin_reform INTEGER NOT NULL DEFAULT 0 CHECK (admin_reform IN (0, 1)),
        service_ethics INTEGER NOT NULL DEFAULT 0 CHECK (service_ethics IN (0, 1)),
        leader_support INTEGER NOT NULL DEFAULT 0 CHECK (leader_support IN (0, 1)),
        replicated_from INTEGER REFERENCES models(id),
        description TEXT,
        method TEXT,
        result TEXT,
        search_key TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX models_unit ON models(unit);
    CREATE INDEX models_field ON models(field);
    CREATE INDEX models_year ON models(year);
    CREATE INDEX models_person ON models(person);
    CREATE INDEX models_replicated_from ON models(replicated_from);
    CREATE TABLE indicators (
        id INTEGER PRIMARY KEY,
        model INTEGER NOT NULL REFERENCES models(id),
        name TEXT NOT NULL,
        value REAL NOT NULL,
        unit_of_measure TEXT NOT NULL
    );
    CREATE INDEX indicators_model ON indicators(model);
    CREATE TABLE criteria (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        content TEXT NOT NULL,
        max_points REAL NOT NULL,
        weight REAL NOT NULL DEFAULT 1,
        applies_to TEXT NOT NULL DEFAULT 'collective' CHECK (applies_to IN ('collective', 'individual'))
    );
    CREATE TABLE evaluations (
        id INTEGER PRIMARY KEY,
        model INTEGER NOT NULL REFERENCES models(id),
        period TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('interim', 'annual', 'inspection')),
        level TEXT CHECK (level IN ('base', 'district', 'commune', 'city')),
        evaluated_on TEXT NOT NULL,
        score REAL,
        rating TEXT CHECK (rating IN ('excellent', 'good', 'pass', 'fail')),
        conclusion TEXT CHECK (conclusion IN ('recognise', 'not_recognise', 'propose_higher')),
        minutes_no TEXT
    );
    CREATE INDEX evaluations_model ON evaluations(model);
    CREATE TABLE recognitions (
        id INTEGER PRIMARY KEY,
        model INTEGER NOT NULL REFERENCES models(id),
        level TEXT NOT NULL CHECK (level IN ('base', 'district', 'commune', 'city')),
        year INTEGER NOT NULL,
        decision_no TEXT NOT NULL,
        decided_on TEXT NOT NULL,
        issuer TEXT NOT NULL
    );
    CREATE INDEX recognitions_model ON recognitions(model);
    CREATE TABLE award_forms (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('title', 'form')),
        level TEXT NOT NULL,
        target TEXT NOT NULL CHECK (target IN ('collective', 'individual', 'both')),
        item TEXT,
        amount INTEGER
    );
    CREATE TABLE awards (
        id INTEGER PRIMARY KEY,
        decision_no TEXT NOT NULL,
        decided_on TEXT NOT NULL,
        issuer TEXT NOT NULL,
        form INTEGER NOT NULL REFERENCES award_forms(id),
        unit INTEGER REFERENCES units(id),
        person INTEGER REFERENCES people(id),
        model INTEGER REFERENCES models(id),
        achievement TEXT NOT NULL,
        amount INTEGER,
        year INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
        CHECK (unit IS NOT NULL OR person IS NOT NULL OR model IS NOT NULL)
    );
    CREATE INDEX awards_unit ON awards(unit);
    CREATE INDEX awards_person ON awards(person);
    CREATE INDEX awards_model ON awards(model);
    CREATE TABLE contests (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        year INTEGER NOT NULL,
        organizer INTEGER REFERENCES units(id),
        level TEXT NOT NULL DEFAULT 'city' CHECK (level IN ('city', 'district', 'commune', 'residential')),
        plan_no TEXT,
        plan_on TEXT,
        final_on TEXT,
        status TEXT NOT NULL DEFAULT 'planned'
            CHECK (status IN ('planned', 'registering', 'preliminary', 'final', 'awarded', 'closed'))
    );
    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        contest INTEGER NOT NULL REFERENCES contests(id),
        kind TEXT NOT NULL CHECK (kind IN ('base', 'preliminary', 'final')),
        cluster INTEGER REFERENCES clusters(id),
        held_on TEXT,
        venue TEXT,
        base_contests INTEGER
    );
    CREATE INDEX rounds_contest ON rounds(contest);
    CREATE TABLE parts (
        id INTEGER PRIMARY KEY,
        contest INTEGER NOT NULL REFERENCES contests(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('greeting', 'knowledge', 'situation', 'skit', 'talent')),
        max_points REAL NOT NULL,
        minutes INTEGER
    );
    CREATE INDEX parts_contest ON parts(contest);
    CREATE TABLE teams (
        id INTEGER PRIMARY KEY,
        contest INTEGER NOT NULL REFERENCES contests(id),
        unit INTEGER NOT NULL REFERENCES units(id),
        cluster INTEGER REFERENCES clusters(id),
        name TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'registered'
            CHECK (status IN ('registered', 'valid', 'preliminary', 'finalist', 'eliminated')),
        prize TEXT
    );
    CREATE INDEX teams_contest ON teams(contest);
    CREATE INDEX teams_unit ON teams(unit);
    CREATE TABLE team_members (
        id INTEGER PRIMARY KEY,
        team INTEGER NOT NULL REFERENCES teams(id),
        person INTEGER NOT NULL REFERENCES people(id),
        role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('captain', 'member', 'support'))
    );
    CREATE INDEX team_members_team ON team_members(team);
    CREATE TABLE judges (
        id INTEGER PRIMARY KEY,
        contest INTEGER NOT NULL REFERENCES contests(id),
        person INTEGER NOT NULL REFERENCES people(id),
        title TEXT
    );
    CREATE INDEX judges_contest ON judges(contest);
    CREATE TABLE scores (
        id INTEGER PRIMARY KEY,
        round INTEGER NOT NULL REFERENCES rounds(id),
        team INTEGER NOT NULL REFERENCES teams(id),
        part INTEGER NOT NULL REFERENCES parts(id),
        judge INTEGER NOT NULL REFERENCES judges(id),
        points REAL NOT NULL,
        UNIQUE (round, team, part, judge)
    );
    CREATE INDEX scores_team ON scores(team);
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        unit INTEGER NOT NULL REFERENCES units(id),
        period TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('interim', 'annual', 'multi_year')),
        due_on TEXT NOT NULL,
        submitted_on TEXT
    );
    CREATE INDEX reports_unit ON reports(unit);
    CREATE TABLE inspections (
        id INTEGER PRIMARY KEY,
        unit INTEGER NOT NULL REFERENCES units(id),
        inspected_on TEXT NOT NULL,
        inspector TEXT NOT NULL,
        content TEXT NOT NULL,
        conclusion TEXT,
        recommendations TEXT,
        fix_by TEXT
    );
    CREATE INDEX inspections_unit ON inspections(unit);
    """

    /// v2: the units that co-operate on a model (the founding article names weak
    /// coordination between boards as a failing, so it is recorded) and free topic tags
    /// ("nông thôn mới", "GPMB", "chuyển đổi số") beside the four fixed fields.
    static let v2 = """
    CREATE TABLE model_partners (
        id INTEGER PRIMARY KEY,
        model INTEGER NOT NULL REFERENCES models(id),
        unit INTEGER NOT NULL REFERENCES units(id),
        UNIQUE (model, unit)
    );
    CREATE INDEX model_partners_unit ON model_partners(unit);
    CREATE TABLE model_tags (
        id INTEGER PRIMARY KEY,
        model INTEGER NOT NULL REFERENCES models(id),
        tag TEXT NOT NULL,
        UNIQUE (model, tag)
    );
    CREATE INDEX model_tags_tag ON model_tags(tag);
    """

    /// v3: indexes for what the typical questions filter, join and group by, now that
    /// pipelines are answered by SQL (`:explain` shows them in use): a model's latest score
    /// (one index step per model instead of sorting its evaluations), a unit's cluster in a
    /// year (the membership walk up the unit tree), a year's models by field or unit (counts
    /// per field or cluster read the index, not the table).
    static let v3 = """
    CREATE INDEX evaluations_model_latest ON evaluations(model, evaluated_on, id) WHERE score IS NOT NULL;
    CREATE INDEX cluster_members_unit_year ON cluster_members(unit, year);
    CREATE INDEX models_year_field ON models(year, field);
    CREATE INDEX models_year_unit ON models(year, unit);
    """

    /// v4: the change log (ChangeLog.swift). Every committed change set is a row of `changes`
    /// (when, who, from where, the statements, how many rows), and every row it inserted,
    /// updated or deleted a row of `change_rows` with the values before and after as JSON
    /// objects: the changed columns for an update, the whole row for an insert or a delete.
    /// Undo and previews read them back. No foreign keys: the log outlives what it names.
    static let v4 = """
    CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        origin TEXT NOT NULL,
        statement TEXT NOT NULL,
        undoes INTEGER,
        inserted INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX changes_undoes ON changes(undoes) WHERE undoes IS NOT NULL;
    CREATE TABLE change_rows (
        id INTEGER PRIMARY KEY,
        change INTEGER NOT NULL,
        step INTEGER NOT NULL,
        table_name TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
        before TEXT,
        after TEXT
    );
    CREATE INDEX change_rows_change ON change_rows(change, step, row_id);
    CREATE TABLE change_steps (
        id INTEGER PRIMARY KEY,
        change INTEGER NOT NULL,
        step INTEGER NOT NULL,
        table_name TEXT NOT NULL,
        action TEXT NOT NULL,
        columns TEXT NOT NULL,
        source TEXT NOT NULL,
        line INTEGER NOT NULL,
        statement TEXT NOT NULL,
        rows INTEGER NOT NULL,
        UNIQUE (change, step)
    );
    """
}
