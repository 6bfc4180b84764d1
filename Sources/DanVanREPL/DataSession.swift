// What the REPL engine asks of the database session for the commands that change data
// (`:changes`, `:undo`, `:dry-run`, `:confirm`, `:begin`/`:commit`/`:rollback`), for the
// prompt's tags and for the line after an entry that saved something. A protocol, as
// `Evaluator` is, so that the engine does not hold the domain host; `HostDataSession`
// answers it over `DomainHost` and its `WriteSession`.
import DanVanDomain
import DanVanStore

/// What an entry, `:undo` or `:commit` did to the data.
public enum DataOutcome {
    /// Saved as this change set.
    case committed(Int64, ChangeSummary)
    /// A dry-run: what it would have changed; nothing was kept.
    case dryRun(ChangeSummary)
}

public protocol DataSession: AnyObject {
    /// `--sandbox`: the session works on a copy that is discarded at exit.
    var isSandbox: Bool { get }
    /// `--read-only`, or a file the user may not write: every write is refused.
    var isReadOnly: Bool { get }
    /// A transaction opened with `begin()` is open.
    var inTransaction: Bool { get }
    /// Run every entry, show what it would change, keep nothing.
    var dryRun: Bool { get set }
    /// A step changing more rows than this asks `confirm` first; nil: never ask.
    var confirmAbove: Int? { get set }
    /// Asked with a step's preview; true applies it.
    var confirm: ((StepPreview) -> Bool)? { get set }
    /// What the last entry (or `undo`, `commit`) did; nil when it changed nothing.
    var lastOutcome: DataOutcome? { get }
    /// The last `limit` change sets of the database, oldest first.
    func recentChanges(limit: Int) throws -> [ChangeSetInfo]
    /// The latest change set saved in this session that is neither undone nor an undo
    /// itself; nil when there is none.
    func lastUndoable() throws -> ChangeSetInfo?
    /// Reverts the change set `id` as a new one; gives the number of rows put back.
    func undo(_ id: Int64) throws -> Int
    func begin() throws
    /// Keeps what the open transaction changed; gives its change set (nil: it changed nothing).
    func commit() throws -> Int64?
    func rollback() throws
}

/// The session over the domain host.
public final class HostDataSession: DataSession {
    public let host: DomainHost
    public let isSandbox: Bool

    /// A step may change this many rows without asking when the session has not said otherwise.
    public static let defaultConfirmAbove = 20

    public init(host: DomainHost, sandbox: Bool = false) {
        self.host = host
        isSandbox = sandbox
    }

    public var isReadOnly: Bool { host.session.options.readOnly != nil }
    public var inTransaction: Bool { host.session.explicit }

    public var dryRun: Bool {
        get { host.session.options.dryRun }
        set { host.session.options.dryRun = newValue }
    }

    public var confirmAbove: Int? {
        get { host.session.options.confirmAbove == Int.max ? nil : host.session.options.confirmAbove }
        set { host.session.options.confirmAbove = newValue ?? Int.max }
    }

    public var confirm: ((StepPreview) -> Bool)? {
        get { host.session.options.confirm }
        set { host.session.options.confirm = newValue }
    }

    public var lastOutcome: DataOutcome? {
        switch host.session.outcome {
        case .committed(let id, let summary)?: return .committed(id, summary)
        case .dryRun(let summary)?: return .dryRun(summary)
        case nil: return nil
        }
    }

    public func recentChanges(limit: Int) throws -> [ChangeSetInfo] {
        try host.changes(limit: limit)
    }

    public func lastUndoable() throws -> ChangeSetInfo? {
        for id in host.session.committed.reversed() {
            guard let info = try host.changeInfo(id) else { continue }
            if info.undoes == nil, info.undoneBy == nil { return info }
        }
        return nil
    }

    /// The change sets this session saved, from the `index`-th on (oldest first), each with
    /// what it changed (nil when that cannot be read back).
    public func committed(since index: Int) -> [(id: Int64, summary: ChangeSummary?)] {
        let ids = host.session.committed.dropFirst(max(index, 0))
        return ids.map { id in
            if case .committed(let last, let summary)? = host.session.outcome, last == id { return (id, summary) }
            return (id, try? host.changeSummary(id, sample: 0))
        }
    }

    public func undo(_ id: Int64) throws -> Int { try host.undo(id) }
    public func begin() throws { try host.begin() }
    public func commit() throws -> Int64? { try host.commit() }
    public func rollback() throws { try host.rollback() }
}
