// One evaluation (a REPL entry, a script) is one database transaction, opened lazily on the
// session's one connection: `BEGIN DEFERRED` at the first read (one snapshot for every read),
// `BEGIN IMMEDIATE` before a program that writes runs (`willRun`), so no other session can
// write between what it read and what it writes (no lost update); a read transaction that
// must write after another session committed fails with "run it again", never a silent
// overwrite. A successful evaluation commits its change set (or, in a dry-run, shows it and
// rolls back); a failed one rolls everything back.
//
// Also here: a transaction the person opens in the REPL (`:begin` … `:commit`), where each
// entry is a savepoint; `--no-transaction`, where each write commits at once (unless inside
// `transaction { }`); and undo.
import DanVanLang
import DanVanStore
import Foundation
import GRDB
import VietText

/// The session's writing state and options.
public final class WriteSession {
    public struct Options {
        /// Who the change log names (the OS user, or `--user`). The OS user is looked up when
        /// a change set is written, not when a session starts: without `$USER` it is a
        /// password-database lookup (nsswitch, /etc/passwd), which a read never needs.
        public var user: String {
            get { chosenUser ?? ChangeWriter.systemUser() }
            set { chosenUser = newValue }
        }
        private var chosenUser: String?
        /// Where changes come from: `repl`, or a script's path.
        public var origin: String = "repl"
        /// Set when the session may not write.
        public var readOnly: WriteError.ReadOnlyReason?
        /// Run everything, show what would change, keep nothing.
        public var dryRun = false
        /// `--no-transaction`: each write is committed when it is done.
        public var autocommit = false
        /// A step changing more rows than this asks `confirm` first.
        public var confirmAbove = 20
        /// Asked with a step's preview; nil: never ask (scripts, pipes).
        public var confirm: ((StepPreview) -> Bool)?

        public init() {}
    }

    /// What the last evaluation did to the data.
    public enum Outcome {
        /// Committed as this change set.
        case committed(Int64, ChangeSummary)
        /// A dry-run: what it would have changed (nothing was kept).
        case dryRun(ChangeSummary)
    }

    public var options: Options
    /// The connection of the evaluation under way.
    var db: Database?
    enum State { case none, reading, writing }
    var state = State.none
    var writer: ChangeWriter?
    /// Open `transaction { }` blocks.
    var depth = 0
    /// A transaction opened with `begin()`, spanning evaluations until `commit()`/`rollback()`.
    public internal(set) var explicit = false
    /// The change sets this session committed, oldest first (what `:undo` reverts).
    public internal(set) var committed: [Int64] = []
    /// What the last evaluation changed; nil when it changed nothing.
    public internal(set) var outcome: Outcome?

    init(options: Options) {
        self.options = options
    }
}

extension WriteError: HostMessageError {}

/// A write attempted outside an evaluation (a host bug, not the person's).
struct NoEvaluation: Error, CustomStringConvertible {
    var description: String { "a write outside an evaluation" }
}

extension DomainHost {
    public func snapshot<T>(_ body: () throws -> T) throws -> T {
        try evaluation { (try body(), true) }
    }

    public func evaluation<T>(_ body: () throws -> (value: T, succeeded: Bool)) throws -> T {
        if session.db != nil { return try body().value }
        session.outcome = nil
        return try store.pool.writeWithoutTransaction { db in
            session.db = db
            defer { session.db = nil }
            // Inside `:begin`, an entry that fails undoes itself only.
            let nested = session.explicit
            if nested { try db.execute(sql: "SAVEPOINT dv_entry") }
            let mark = session.writer?.mark()
            let result: (value: T, succeeded: Bool)
            do {
                result = try body()
            } catch {
                abandon(db, nested: nested, mark: mark)
                throw error
            }
            guard result.succeeded else {
                abandon(db, nested: nested, mark: mark)
                return result.value
            }
            if nested {
                if session.options.dryRun, let writer = session.writer, let change = writer.change {
                    session.outcome = .dryRun(try ChangeLog.summary(db, change: change))
                    abandon(db, nested: true, mark: mark)
                } else {
                    try db.execute(sql: "RELEASE dv_entry")
                }
            } else {
                try end(db)
            }
            return result.value
        }
    }

    /// Ends the evaluation's transaction: commits its change set, or in a dry-run shows and drops it.
    private func end(_ db: Database) throws {
        defer {
            session.writer = nil
            session.state = .none
        }
        switch session.state {
        case .none:
            return
        case .reading:
            try? db.execute(sql: "ROLLBACK")
        case .writing:
            guard let writer = session.writer, writer.change != nil else {
                try db.execute(sql: "ROLLBACK")
                return
            }
            if session.options.dryRun {
                session.outcome = .dryRun(try ChangeLog.summary(db, change: writer.change ?? 0))
                try db.execute(sql: "ROLLBACK")
                return
            }
            do {
                guard let id = try writer.finish() else {
                    try db.execute(sql: "ROLLBACK")
                    return
                }
                let summary = try ChangeLog.summary(db, change: id)
                try db.execute(sql: "COMMIT")
                session.committed.append(id)
                session.outcome = .committed(id, summary)
            } catch {
                try? db.execute(sql: "ROLLBACK")
                throw ChangeWriter.translate(error)
            }
        }
    }

    /// Undoes what a failed evaluation did.
    private func abandon(_ db: Database, nested: Bool, mark: ChangeWriter.Mark?) {
        session.depth = 0
        if nested {
            try? db.execute(sql: "ROLLBACK TO dv_entry")
            try? db.execute(sql: "RELEASE dv_entry")
            if let mark { session.writer?.restore(mark) } else { session.writer = nil }
            return
        }
        if session.state != .none { try? db.execute(sql: "ROLLBACK") }
        session.writer = nil
        session.state = .none
    }

    /// Opens the evaluation's transaction if it is not open: a read one, or a write one.
    func ensureTransaction(write: Bool) throws {
        guard let db = session.db else { return }
        switch session.state {
        case .none:
            do {
                try db.execute(sql: write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
            } catch {
                throw ChangeWriter.translate(error)
            }
            session.state = write ? .writing : .reading
        case .reading where write:
            // SQLite takes the write lock at the first write; `staleSnapshot` if too late.
            session.state = .writing
        default:
            break
        }
    }

    public func willRun(writes: Bool) throws {
        guard writes, session.options.readOnly == nil else { return }
        try ensureTransaction(write: true)
    }

    /// The writer of the transaction, opening one that writes.
    func changeWriter() throws -> ChangeWriter {
        if let reason = session.options.readOnly { throw WriteError.readOnly(reason: reason) }
        guard session.db != nil else { throw NoEvaluation() }
        try ensureTransaction(write: true)
        if let writer = session.writer { return writer }
        guard let db = session.db else { throw NoEvaluation() }
        let writer = try ChangeWriter(db: db, user: session.options.user, origin: session.options.origin)
        writer.confirmAbove = session.options.confirmAbove
        if let confirm = session.options.confirm { writer.confirm = { confirm($0) } }
        session.writer = writer
        return writer
    }

    /// After a write: forget cached rows, and in `--no-transaction` commit now (outside blocks).
    func wrote() throws {
        invalidate()
        guard session.options.autocommit, !session.options.dryRun, session.depth == 0, !session.explicit,
              let db = session.db, let writer = session.writer else { return }
        let id = try writer.finish()
        try db.execute(sql: "COMMIT")
        session.writer = nil
        session.state = .none
        if let id {
            session.committed.append(id)
            session.outcome = .committed(id, try ChangeLog.summary(db, change: id))
        }
    }

    // MARK: Transactions the person opens

    /// `:begin`: every entry until `commit()` or `rollback()` is one transaction.
    public func begin() throws {
        if let reason = session.options.readOnly { throw WriteError.readOnly(reason: reason) }
        guard !session.explicit else { return }
        try store.pool.writeWithoutTransaction { db in
            do {
                try db.execute(sql: "BEGIN IMMEDIATE")
            } catch {
                throw ChangeWriter.translate(error)
            }
        }
        session.state = .writing
        session.explicit = true
    }

    /// `:commit`: keeps what the open transaction changed; gives its change set.
    @discardableResult
    public func commit() throws -> Int64? {
        guard session.explicit else { return nil }
        session.explicit = false
        return try store.pool.writeWithoutTransaction { db in
            session.db = db
            defer { session.db = nil }
            session.outcome = nil
            try end(db)
            if case .committed(let id, _)? = session.outcome { return id }
            return nil
        }
    }

    /// `:rollback`: drops everything the open transaction changed.
    public func rollback() throws {
        guard session.explicit else { return }
        session.explicit = false
        // SQLite may have rolled back already (after some errors): "no transaction is active".
        store.pool.writeWithoutTransaction { db in
            try? db.execute(sql: "ROLLBACK")
        }
        session.writer = nil
        session.state = .none
        invalidate()
    }

    // MARK: Undo and the log

    /// Reverts the change set `id` as a new one, committed like an evaluation (or shown, in a
    /// dry-run). Gives the number of rows put back.
    @discardableResult
    public func undo(_ id: Int64) throws -> Int {
        try evaluation {
            let writer = try changeWriter()
            let count = try writer.undo(id)
            try wrote()
            return (count, true)
        }
    }

    /// The change sets in the log (`danvan changes`, `:changes`).
    public func changes(since: String? = nil, table: String? = nil, limit: Int = 50) throws -> [ChangeSetInfo] {
        try read { db in try ChangeLog.list(db, since: since, table: table, limit: limit) }
    }

    /// One change set of the log, or nil when there is none with this id.
    public func changeInfo(_ id: Int64) throws -> ChangeSetInfo? {
        try read { db in try ChangeLog.info(db, id) }
    }

    /// The rows of one change set.
    public func changeSummary(_ id: Int64, sample: Int = 20) throws -> ChangeSummary {
        try read { db in try ChangeLog.summary(db, change: id, sample: sample) }
    }

    /// Reads through the evaluation's snapshot, or a read of its own outside one.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        statements += 1
        if let db = session.db {
            try ensureTransaction(write: false)
            return try body(db)
        }
        if session.explicit {
            // Inside `:begin`: the open transaction's own view.
            return try store.pool.writeWithoutTransaction(body)
        }
        return try store.pool.read(body)
    }
}
