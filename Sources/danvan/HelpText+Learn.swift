// The help texts and messages of `danvan learn` (Learn.swift), in Vietnamese and English.
import VietText

extension HelpText {
    enum Learn {
        static let abstract = Localized(
            vi: "Học DanVan qua các bài có hướng dẫn, trên một bản sao dữ liệu mẫu.",
            en: "Learn DanVan through guided lessons, on a copy of the demo data.")
        static let discussion = Localized(
            vi: """
                Không có đối số: hiện danh sách bài cùng tiến độ của bạn rồi hỏi mở bài nào. \
                danvan learn 2 hoặc danvan learn "xem du lieu" mở một bài. Mỗi bài chạy trên một \
                bản sao riêng của dữ liệu mẫu: cơ sở dữ liệu thật (--db) không bao giờ được mở. \
                Trong bài: :hint, :skip, :back, :restart, :lessons, :quit. Tiến độ được lưu ở \
                $XDG_STATE_HOME/danvan/progress.json. --check kiểm tra từng bài: lời giải qua được \
                kiểm tra của nó, mọi câu trả lời sai bị từ chối (mã thoát 1 khi có lỗi).
                """,
            en: """
                With no argument: lists the lessons with your progress and asks which to open. \
                danvan learn 2 or danvan learn "looking at" opens one. Every lesson runs on a \
                private copy of the demo data: the real database (--db) is never opened. In a \
                lesson: :hint, :skip, :back, :restart, :lessons, :quit. Progress is kept in \
                $XDG_STATE_HOME/danvan/progress.json. --check verifies each lesson: its solutions \
                pass their checks and every wrong answer is rejected (exit code 1 otherwise).
                """)
        static let lesson = Localized(
            vi: "Số hoặc tên của bài cần mở; với --check: thư mục bài học cần kiểm tra.",
            en: "The number or title of the lesson to open; with --check: a folder of lessons to verify.")
        static let list = Localized(vi: "In danh sách bài có đánh số rồi thoát.", en: "Print the numbered list of lessons and exit.")
        static let progress = Localized(
            vi: "In tóm tắt tiến độ (bài xong, bước đúng, gợi ý đã dùng, thời gian) rồi thoát.",
            en: "Print a summary of your progress (lessons done, steps answered, hints used, time) and exit.")
        static let csv = Localized(vi: "Cùng --progress: in dạng CSV (mỗi bài một dòng).",
                                   en: "With --progress: print it as CSV (one row per lesson).")
        static let check = Localized(
            vi: "Kiểm tra các bài: mỗi lời giải qua được kiểm tra của nó trên dữ liệu mới, mỗi câu trả lời sai bị từ chối.",
            en: "Verify lessons: every solution passes its checks on fresh data, every wrong answer is rejected.")
        static let lessons = Localized(vi: "Thêm các bài trong thư mục này (có thể lặp lại).",
                                       en: "Add the lessons in this folder (may be repeated).")
        static let csvNeedsProgress = Localized(vi: "--csv chỉ dùng cùng --progress", en: "--csv goes with --progress")
        static let output = Localized(
            vi: "Cùng --progress: ghi tóm tắt vào TỆP (tệp CSV bắt đầu bằng BOM UTF-8 cho Excel). Tệp đã có thì bị từ chối, trừ khi có --replace.",
            en: "With --progress: write the summary to FILE (a CSV file starts with a UTF-8 byte order mark, for Excel). An existing file is refused unless --replace is given.")
        static let replace = Localized(vi: "Cùng --output: thay tệp đã có.", en: "With --output: replace the file if it exists.")
        static let outputNeedsProgress = Localized(vi: "--output chỉ dùng cùng --progress", en: "--output goes with --progress")
        static let replaceNeedsOutput = Localized(vi: "--replace chỉ dùng cùng --output", en: "--replace goes with --output")
        static let exists = Localized(
            vi: "tệp {0} đã có: --output không ghi đè lên nó; thêm --replace để thay nó",
            en: "the file {0} exists: --output does not overwrite it; add --replace to replace it")
        static let noSuchLesson = Localized(
            vi: "không có bài '{0}'; danvan learn --list cho danh sách",
            en: "there is no lesson '{0}'; danvan learn --list gives the list")
    }
}
