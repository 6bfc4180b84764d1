// Finds the executables `swift build` made, next to the test bundle (.build/<triple>/debug),
// so end-to-end tests run the real binaries (STYLE §8).
import Foundation

enum BuiltProducts {
    /// The directory holding the test bundle and the built executables.
    static let directory: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidate = runner.deletingLastPathComponent()
        // On macOS the runner sits inside an .xctest bundle; climb out of it.
        while candidate.pathComponents.contains(where: { $0.hasSuffix(".xctest") }) {
            candidate.deleteLastPathComponent()
        }
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("danvan").path) {
            return candidate
        }
        // Fallback: the package's own .build/debug, found from this file's path.
        let package = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent(".build/debug")
    }()

    /// The path of the executable `name`, or an error that says to build first.
    static func path(_ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw HarnessError.missingProduct(name: name, directory: directory.path)
        }
        return url.path
    }
}

enum HarnessError: Error, CustomStringConvertible {
    case missingProduct(name: String, directory: String)
    case toolFailed(command: String, status: Int32, output: String)
    /// Waited `seconds` for `expected`; the screen (or output) at the time is kept.
    case timeout(expected: String, seconds: Double, screen: String)

    var description: String {
        switch self {
        case .missingProduct(let name, let directory):
            return "\(name) is not built in \(directory): run `swift build` before `swift test`"
        case .toolFailed(let command, let status, let output):
            return "`\(command)` exited with \(status): \(output)"
        case .timeout(let expected, let seconds, let screen):
            return "waited \(seconds) s for \(expected); the screen was:\n\(screen)"
        }
    }
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init(_ label: String) throws {
        path = NSTemporaryDirectory() + "danvan-e2e-\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
