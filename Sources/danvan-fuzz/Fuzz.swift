// Coverage-guided fuzzing (issue 12): libFuzzer calls one of these with its inputs, and any
// trap, stack overflow or leak-out of memory is a crash it reports and keeps. Built only by
// `scripts/fuzz` (with `-sanitize=fuzzer -DFUZZING`); a normal build makes a program that
// runs each input file given to it once, so a crash found here replays under `swift build`.
//
//   language  lexer, parser, compiler and runtime together: the input is a program, run with
//             no host (lists and records; no tables), output dropped, each run stopped by the
//             interrupt flag after `runLimit` (an endless loop is not a finding), with small
//             value limits
//   csv       the CSV reader, and the writer's output read back the same
//   lessons   the lesson file parser
import DanVanCSV
import DanVanLang
import DanVanLessons
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Which target `FUZZ_TARGET` names (default: language).
enum FuzzTarget: String {
    case language, csv, lessons

    static let current = FuzzTarget(rawValue: getenv("FUZZ_TARGET").map { String(cString: $0) } ?? "") ?? .language

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .language: FuzzLanguage.run(String(decoding: bytes, as: UTF8.self))
        case .csv: FuzzCSV.run(Array(bytes))
        case .lessons: _ = LessonParser.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.md", key: "fuzz")
        }
    }
}

enum FuzzLanguage {
    /// How long one program may run before the watchdog interrupts it, in the watchdog's
    /// ticks of a millisecond: a loop that never ends is not a finding, and every millisecond
    /// here is taken from the other inputs.
    static let runLimitTicks = 5
    /// Texts of at most 64 KB and lists of 4,096 items: a doubling loop meets the limit (an
    /// error, as it must be) at once, and no input spends its run building and printing a
    /// list of a million items (perf: that was most of the time at 2 MB and 131,072).
    static let limits = Limits(maxTextBytes: 64 << 10, maxListItems: 4096, memoryMegabytes: 16, setting: "fuzz")
    static let flag = InterruptFlag()
    /// Odd while a program runs, one more at each start and end: the watchdog stops a run
    /// whose number has not changed for `runLimitTicks`, never a later one.
    static let generation = Atomic<Int>(0)

    /// One thread for the whole session that looks every millisecond (a timer per input cost
    /// a twentieth of the time in dispatch's threads).
    static let watchdog: Void = {
        var thread = pthread_t()
        pthread_create(&thread, nil, { _ in
            var seen = 0, ticks = 0
            while true {
                usleep(1000)
                let now = FuzzLanguage.generation.load(ordering: .relaxed)
                if now != seen || now % 2 == 0 { seen = now; ticks = 0; continue }
                ticks += 1
                if ticks == FuzzLanguage.runLimitTicks { FuzzLanguage.flag.set() }
            }
        }, nil)
        pthread_detach(thread)
    }()

    static func run(_ text: String) {
        _ = watchdog
        // The REPL asks whether a line is complete; lines typed are short, and on long inputs
        // the question repeated the parse (an eighth of the time).
        if text.utf8.count <= 256 { _ = Parser.completeness(of: text) }
        let interpreter = Interpreter(host: nil, lang: .en, output: { _ in }, interrupt: flag)
        interpreter.limits = limits
        _ = generation.add(1, ordering: .relaxed)
        do {
            // Top-level values are not shown: printing a list of a million items made of every
            // input that built one took three quarters of the time (perf); `print` still prints.
            _ = try interpreter.run(SourceText(name: "fuzz.dv", text: text))
        } catch {
            _ = interpreter.render(error)
        }
        _ = generation.add(1, ordering: .relaxed)
    }
}

enum FuzzCSV {
    static func run(_ bytes: [UInt8]) {
        var reader = CSVReader(bytes: bytes)
        var record = CSVRecord()
        var records: [[String]] = []
        do {
            while try reader.next(into: &record), records.count < 1000 {
                if record.problem == nil, (0..<record.count).allSatisfy({ record.string($0) != nil }) {
                    records.append((0..<record.count).map { record.string($0) ?? "" })
                }
            }
        } catch {
            return
        }
        // What the writer writes, the reader reads back field for field.
        for fields in records where !fields.isEmpty {
            let line = CSVWriter.line(fields)
            var again = CSVReader(text: line)
            var back = CSVRecord()
            guard (try? again.next(into: &back)) == true else {
                fatalError("the writer's line \(line.debugDescription) read back as nothing")
            }
            let readBack = (0..<back.count).map { back.string($0) ?? "" }
            if readBack != fields && !(fields == [""] && readBack.isEmpty) {
                fatalError("\(fields) written as \(line.debugDescription) read back as \(readBack)")
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.current.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("danvan_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOne)
}
#else
/// Without libFuzzer: runs each file named on the command line once (a crash's replay).
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                print("danvan-fuzz: cannot open \(path)")
                exit(2)
            }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = fread(&chunk, 1, chunk.count, file)
                if count <= 0 { break }
                bytes.append(contentsOf: chunk[0..<count])
            }
            fclose(file)
            bytes.withUnsafeBufferPointer { FuzzTarget.current.run($0) }
            print("\(path): no crash")
        }
    }
}
#endif
