// The date library. Dates are calendar days (no time, no zone), written ISO "2024-10-15";
// `d + 7` is a week later and `b - a` the days between.

enum DateLibrary {
    static let functions: [Builtin] = [
        /// date("2024-10-15") or date(2024, 10, 15).
        Builtin("date", 1...3) { args in
            if args.count == 1 {
                if case .date = args[0] { return args[0] }
                let text = try args.text(0)
                guard let date = CalendarDate(iso: text.trimmingCharacters(in: " ")) else {
                    throw args.bad(0, because: DateMessages.notADate, [text])
                }
                return .date(date)
            }
            guard args.count == 3 else { throw args.bad(1, expected: TypeNames.int) }
            let year = try args.int(0), month = try args.int(1), day = try args.int(2)
            guard let date = CalendarDate(year: Int(clamping: year), month: Int(clamping: month), day: Int(clamping: day)) else {
                throw args.bad(0, because: DateMessages.noSuchDay, ["\(year)-\(month)-\(day)"])
            }
            return .date(date)
        },
        /// today(): the current date (the embedder's clock).
        Builtin("today", 0...0) { args in .date(args.vm.today()) },
        Builtin("year", 1...1) { args in .int(Int64(try args.date(0).year)) },
        Builtin("month", 1...1) { args in .int(Int64(try args.date(0).month)) },
        Builtin("day", 1...1) { args in .int(Int64(try args.date(0).day)) },
        /// days_between(a, b): days from a to b (negative when b is earlier).
        Builtin("days_between", 2...2) { args in
            .int(try args.date(1).dayNumber - (try args.date(0).dayNumber))
        },
    ]
}

import VietText

enum DateMessages {
    static let notADate = Localized(vi: "'{0}' không phải là ngày dạng YYYY-MM-DD", en: "'{0}' is not a date YYYY-MM-DD")
    static let noSuchDay = Localized(vi: "không có ngày {0}", en: "there is no day {0}")
}
