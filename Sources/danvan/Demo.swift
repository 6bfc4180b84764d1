// `danvan demo`: makes the deterministic demo data set (issue #2, domain.md §4) with
// `DemoData.generate`, drawing a progress bar on stderr when stderr is a terminal, then
// prints the bilingual summary on stdout.
import ArgumentParser
import DanVanDemo
import DanVanStore
import Foundation
import VietText

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the demo data set (a fictional city, 2009-2025).",
        discussion: """
            The same seed and scale always give the same rows. The database must be new or empty; \
            --force deletes an existing DanVan database first.
            """
    )

    @OptionGroup var options: DatabaseOptions

    @Option(name: .long, help: "Size: 1 is the realistic city (about 3,000 models); N makes about N times as much (1-\(DemoOptions.maxScale)).")
    var scale: Int = 1

    @Option(name: .long, help: "The seed of every random choice.")
    var seed: UInt64 = 2024

    @Flag(name: .long, help: "Delete an existing DanVan database at the path first.")
    var force = false

    func run() throws {
        let lang = options.language
        do {
            guard (1...DemoOptions.maxScale).contains(scale) else { throw DemoError.badScale(scale) }
            let path = options.path
            try DemoFile.prepare(path: path, force: force)
            let store = try options.openStore()
            let bar = ProgressBar()
            let clock = ContinuousClock()
            let start = clock.now
            let summary: DemoSummary
            do {
                summary = try DemoData.generate(into: store, options: DemoOptions(seed: seed, scale: scale),
                                                progress: bar.enabled ? { bar.update($0, $1) } : nil)
            } catch {
                bar.clear()
                throw error
            }
            bar.clear()
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(summary.description(lang))
            let shown = String(format: "%.1f", seconds)
            print(Localized(vi: "Xong sau {0} giây: {1}", en: "Done in {0} s: {1}")(
                lang, lang == .vi ? shown.replacingOccurrences(of: ".", with: ",") : shown, path))
        } catch let error as DemoError {
            let code: ExitCode32
            switch error {
            case .badScale: code = .usage
            case .notEmpty: code = .dataError
            case .notDanVanDatabase, .cannotDelete: code = .ioError
            }
            throw Self.fail(error.message(lang), code)
        } catch let error as CLIError {
            throw Self.fail(error.message, error.code)
        } catch let error as StoreError {
            throw Self.fail(error.message(lang), .ioError)
        }
    }

    /// Writes `message` to stderr and gives the exit code to end with.
    private static func fail(_ message: String, _ code: ExitCode32) -> ExitCode {
        FileHandle.standardError.write(Data(("danvan demo: " + message + "\n").utf8))
        return ExitCode(code.rawValue)
    }
}

/// `[##########..........] 50%` redrawn in place on stderr, at most ten times a second.
final class ProgressBar {
    let enabled = isatty(STDERR_FILENO) == 1
    private var lastDraw: ContinuousClock.Instant?
    private var drawn = false
    private let clock = ContinuousClock()
    /// The bar's width in cells: short enough for an 80-column terminal with the percentage.
    private static let width = 40

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let now = clock.now
        if let lastDraw, now - lastDraw < .milliseconds(100), done < total { return }
        lastDraw = now
        let filled = min(Self.width, done * Self.width / total)
        let percent = min(100, done * 100 / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: Self.width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)%".utf8))
        drawn = true
    }

    /// Removes the bar so the summary starts on a clean line.
    func clear() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
