// Every text the lesson session shows, in both languages, in one place so that the two stay
// side by side and a translator sees them all.
import VietText

enum LessonText {
    static let header = Localized(vi: "━━ Bài {0}: {1} ━━", en: "━━ Lesson {0}: {1} ━━")
    static let practiceNote = Localized(
        vi: "Bạn làm việc trên một bản sao riêng của dữ liệu mẫu: không gì ở đây chạm tới cơ sở dữ liệu thật.",
        en: "You work on a private copy of the demo data: nothing here touches a real database.")
    static let commandsNote = Localized(
        vi: "Trong bài: :hint gợi ý · :skip bỏ qua (chạy lời giải) · :back bước trước · :restart làm lại từ đầu · :lessons danh sách bài · :quit thoát (tiến độ được giữ)",
        en: "In a lesson: :hint a hint · :skip skip (runs the solution) · :back previous step · :restart start over · :lessons the list · :quit leave (progress is kept)")
    static let resumed = Localized(vi: "Tiếp tục từ bước {0}/{1}.", en: "Resuming at step {0}/{1}.")
    static let stepHeader = Localized(vi: "── Bước {0}/{1} ──", en: "── Step {0}/{1} ──")
    static let right = Localized(vi: "✓ Đúng rồi!", en: "✓ Right!")
    static let wrong = Localized(vi: "✗ Chưa đúng: {0}.", en: "✗ Not yet: {0}.")
    static let hint = Localized(vi: "Gợi ý: {0}", en: "Hint: {0}")
    static let noMoreHints = Localized(vi: "Hết gợi ý rồi. Gõ :skip để xem lời giải và đi tiếp.",
                                       en: "No more hints. Type :skip to see the solution and go on.")
    static let noHints = Localized(vi: "Bước này không có gợi ý.", en: "This step has no hints.")
    static let readingStep = Localized(vi: "Bước này chỉ cần đọc: nhấn Enter để đi tiếp.",
                                       en: "This step is for reading: press Enter to go on.")
    static let solution = Localized(vi: "Lời giải:", en: "The solution:")
    static let dataRestored = Localized(
        vi: "(Dữ liệu luyện tập đã được đưa về như lúc bắt đầu bước này, để bạn thử lại.)",
        en: "(The practice data is back as it was at the start of this step, so you can try again.)")
    static let firstStep = Localized(vi: "Đây là bước đầu tiên.", en: "This is the first step.")
    static let finished = Localized(
        vi: "Xong bài {0}! Bạn làm đúng {1}/{2} bước, bỏ qua {3}, dùng {4} gợi ý.",
        en: "Lesson {0} done! You answered {1}/{2} steps, skipped {3}, used {4} hints.")
    static let cannotStart = Localized(vi: "không mở được bài học: {0}", en: "cannot open the lesson: {0}")

    // MARK: The lesson commands' help (`:help` lists them)

    static let hintHelp = Localized(vi: "Gợi ý tiếp theo cho bước này", en: "The next hint for this step")
    static let skipHelp = Localized(vi: "Bỏ qua bước này: hiện và chạy lời giải, rồi đi tiếp",
                                    en: "Skip this step: show and run its solution, then go on")
    static let backHelp = Localized(vi: "Trở lại bước trước", en: "Go back to the previous step")
    static let restartHelp = Localized(vi: "Làm lại bài từ đầu, trên dữ liệu mới", en: "Start the lesson over, on fresh data")
    static let lessonsHelp = Localized(vi: "Rời bài này (tiến độ được giữ) và chọn bài khác",
                                       en: "Leave this lesson (progress is kept) and pick another")

    // MARK: The list of lessons

    static let listHeading = Localized(vi: "Các bài học DanVan:", en: "DanVan lessons:")
    static let statusNew = Localized(vi: "chưa học", en: "not started")
    static let statusDone = Localized(vi: "✓ xong", en: "✓ done")
    static let statusPartial = Localized(vi: "{0}/{1} bước", en: "{0}/{1} steps")
    static let choose = Localized(vi: "Chọn bài (số hoặc tên; Enter: bài {0}; :quit để thoát): ",
                                  en: "Pick a lesson (number or title; Enter: lesson {0}; :quit to leave): ")
    static let chooseAllDone = Localized(vi: "Chọn bài (số hoặc tên; :quit để thoát): ",
                                         en: "Pick a lesson (number or title; :quit to leave): ")
    static let noSuchLesson = Localized(vi: "Không có bài '{0}'. Gõ số của bài trong danh sách.",
                                        en: "There is no lesson '{0}'. Type a number from the list.")
    static let noLessons = Localized(vi: "Chưa có bài học nào.", en: "There are no lessons yet.")
    static let skippedFile = Localized(vi: "(bỏ qua tệp bài học có lỗi) {0}", en: "(a lesson file with errors is left out) {0}")

    // MARK: --progress

    static let progressHeading = Localized(vi: "Tiến độ học của {0}:", en: "Progress of {0}:")
    static let progressLine = Localized(
        vi: "{0}. {1}: {2}/{3} bước, bỏ qua {4}, {5} gợi ý, {6} phút{7}",
        en: "{0}. {1}: {2}/{3} steps, {4} skipped, {5} hints, {6} min{7}")
    static let progressDone = Localized(vi: " (xong)", en: " (done)")
    static let progressTotal = Localized(
        vi: "Tổng: {0}/{1} bài xong, {2} bước đúng, {3} gợi ý, {4} phút.",
        en: "Total: {0}/{1} lessons done, {2} steps answered, {3} hints, {4} min.")

    // MARK: --check

    static let checkPassed = Localized(vi: "đúng: {0} (số bước: {1})", en: "ok: {0} (steps: {1})")
    static let checkSummary = Localized(vi: "{0} bài, {1} lỗi.", en: "{0} lessons, {1} problems.")
}
