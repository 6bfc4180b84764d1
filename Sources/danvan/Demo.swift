// `danvan demo`: makes the deterministic demo data set (issue #2, domain.md §4) with
// `DemoData.generate`, drawing a progress bar on stderr when stderr is a terminal, then
// prints the bilingual summary on stdout.
import ArgumentParser
import DanVanCSV
import DanVanDemo
import DanVanStore
import Foundation
import VietText

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: HelpText.Demo.abstract.inHelpLang,
        discussion: HelpText.Demo.discussion.inHelpLang
    )

    @OptionGroup var options: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp(HelpText.Demo.scaleHelp))
    var scale: Int = 1

    @Option(name: .long, help: HelpText.Demo.seed.argumentHelp())
    var seed: UInt64 = 2024

    @Flag(name: .long, help: HelpText.Demo.force.argumentHelp())
    var force = false

    func run() throws {
        let lang = options.language
        do {
            guard (1...DemoOptions.maxScale).contains(scale) else { throw DemoError.badScale(scale) }
            let path = options.path
            try DemoFile.prepare(path: path, force: force)
            let store = try options.openStore(.create)
            let bar = ProgressBar(minimumBytes: 0)
            let clock = ContinuousClock()
            let start = clock.now
            let summary: DemoSummary
            do {
                summary = try DemoData.generate(into: store, options: DemoOptions(seed: seed, scale: scale),
                                                progress: bar.enabled ? { bar.update(label: "demo", done: Int64($0), total: Int64($1), bytes: 0) } : nil)
            } catch {
                bar.finish()
                throw error
            }
            bar.finish()
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(summary.description(lang))
            print(Demo.done(lang, VietFormat.decimal(seconds, lang, maxFractionDigits: 1), path))
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

    static let done = Localized(vi: "Xong sau {0} giây: {1}", en: "Done in {0} s: {1}")

    /// Writes `message` to stderr and gives the exit code to end with.
    private static func fail(_ message: String, _ code: ExitCode32) -> ExitCode {
        FileHandle.standardError.write(Data(("danvan demo: " + message + "\n").utf8))
        return ExitCode(code.rawValue)
    }
}
