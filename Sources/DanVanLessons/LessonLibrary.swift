// The lessons a learner can open: the ones shipped in the package's resources (`Lessons/`),
// then those of each folder named with `--lessons DIR`, each group in file-name order
// (`NN-slug.md`). A lesson is numbered by its place in that list, so `danvan learn 3` means
// the third lesson listed. A file that cannot be read or parsed is left out of the list and
// reported, with its file and line.
import Foundation
import VietText

public struct LessonLibrary {
    public var lessons: [Lesson]
    public var problems: [LessonProblem]

    static let cannotReadFolder = Localized(vi: "không đọc được thư mục bài học: {0}", en: "cannot read the lesson folder: {0}")
    static let cannotReadFile = Localized(vi: "không đọc được tệp bài học", en: "cannot read the lesson file")

    public init(lessons: [Lesson], problems: [LessonProblem] = []) {
        self.lessons = lessons
        self.problems = problems
    }

    /// The folder of the shipped lessons, inside the package's resource bundle.
    public static var shippedFolder: String? {
        Bundle.module.url(forResource: "Lessons", withExtension: nil)?.path
    }

    /// The shipped lessons (`shipped`), then those in `folders`.
    public static func load(shipped: Bool = true, folders: [String]) -> LessonLibrary {
        var library = LessonLibrary(lessons: [])
        if shipped, let folder = shippedFolder { library.add(folder: folder, shownAs: "Lessons") }
        for folder in folders { library.add(folder: folder, shownAs: folder) }
        return library
    }

    /// Adds the `*.md` files of `folder`, named in messages as `shownAs/FILE`.
    mutating func add(folder: String, shownAs: String) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            problems.append(LessonProblem(file: folder, line: 0, message: ValueComparison.fill(Self.cannotReadFolder,
                                                                                                  error.localizedDescription)))
            return
        }
        let prefix = shownAs.hasSuffix("/") ? shownAs : shownAs + "/"
        for name in names.filter({ $0.hasSuffix(".md") }).sorted() {
            let shown = prefix + name
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else {
                problems.append(LessonProblem(file: shown, line: 0, message: Self.cannotReadFile))
                continue
            }
            switch LessonParser.parse(text, file: shown, key: String(name.dropLast(3))) {
            case .success(let lesson): lessons.append(lesson)
            case .failure(let found): problems += found.all
            }
        }
    }

    /// The index of the lesson `query` names: its number in the list (1-based), or words of
    /// its title in either language, without diacritics if one likes ("buoc dau", "first").
    public func find(_ query: String) -> Int? {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if let number = Int(trimmed) { return number >= 1 && number <= lessons.count ? number - 1 : nil }
        if let exact = lessons.firstIndex(where: { $0.key == trimmed }) { return exact }
        return lessons.firstIndex { lesson in
            VietFold.matches(lesson.title.vi, query: trimmed) || VietFold.matches(lesson.title.en, query: trimmed)
        }
    }
}
