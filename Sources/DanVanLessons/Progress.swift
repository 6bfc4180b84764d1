// Each learner's progress, kept per user in `$XDG_STATE_HOME/danvan/progress.json` (else
// `~/.local/state/danvan/progress.json`, where the history lives too): per lesson the step to
// resume at, the steps done and skipped, the hints used and the time spent. Written whole to
// a unique temporary file and renamed (DanVanFiles), readable by its owner only (0600), so
// that a crash or a second session never leaves half a file;
// a file that cannot be read is treated as no progress rather than stopping the lessons.
import DanVanFiles
import Foundation
import VietText

public struct LessonProgress: Codable, Sendable, Equatable {
    /// The ID of the step to resume at.
    public var step: String
    /// The task steps answered right, by ID.
    public var done: [String] = []
    /// The task steps skipped with `:skip`.
    public var skipped: [String] = []
    public var hints: Int = 0
    /// Time spent in the lesson, in seconds.
    public var seconds: Double = 0
    /// The last step was passed.
    public var finished = false

    public init(step: String) { self.step = step }
}

public struct ProgressFile: Codable, Sendable, Equatable {
    /// Raised when the file's meaning changes, so an old file is read as such.
    public var version = 1
    /// By lesson key (`01-first-steps`).
    public var lessons: [String: LessonProgress] = [:]

    public init() {}
}

public final class ProgressStore {
    public let path: String?
    public private(set) var file: ProgressFile

    /// A learner's time between two entries counts up to this: a session left open over
    /// lunch should not say the lesson took two hours.
    public static let maxPause: Double = 300

    static let cannotSave = Localized(vi: "không lưu được tiến độ vào {0}: {1}", en: "cannot save the progress to {0}: {1}")

    public init(environment: [String: String]) {
        path = Self.location(environment)
        if let path, let data = FileManager.default.contents(atPath: path),
           let decoded = try? JSONDecoder().decode(ProgressFile.self, from: data) {
            file = decoded
        } else {
            file = ProgressFile()
        }
    }

    /// `$XDG_STATE_HOME/danvan/progress.json`, else under `~/.local/state`; nil when neither
    /// is usable (progress then lasts one session).
    static func location(_ environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/danvan/progress.json" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/danvan/progress.json" }
        return nil
    }

    public subscript(key: String) -> LessonProgress? {
        get { file.lessons[key] }
        set { file.lessons[key] = newValue }
    }

    /// Writes the file atomically. Gives the reason when it could not.
    @discardableResult
    public func save() -> LessonError? {
        guard let path else { return nil }
        do {
            let folder = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(file)
            do {
                // Owner-only (0600): progress says who practised what.
                try SafeFile.write(data, to: path, privateFile: true)
            } catch {
                return LessonError(Self.cannotSave, path, error.reason(.en))
            }
            return nil
        } catch {
            return LessonError(Self.cannotSave, path, error.localizedDescription)
        }
    }
}
