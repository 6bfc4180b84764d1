// Phase 7: periodic reports and inspections (domain.md §2.5). The districts, departments,
// directly subordinate committees and city organisations report to the city's board every
// six months and every year from 2019, plus the 10- and 15-year reviews. Most reports come
// on time, some late; for the latest period, six months of 2025, exactly three are late or
// missing (domain.md §4). The annual 2025 report is not due yet and has no rows.

extension DemoBuilder {
    /// Units that report to the city on `date`.
    private func reportingUnits(on date: DemoDate) -> [Int] {
        let candidates = districts + departmentsBefore + departmentsAfter + blocsBefore + blocsAfter.filter { !blocsBefore.contains($0) }
            + [cityFront] + cityOrgs
        var seen: Set<Int> = []
        return candidates.filter { units[$0].isActive(on: date) && seen.insert($0).inserted }
    }

    func writeReports() throws {
        var random = random("reports")
        var periods: [(period: String, kind: String, due: DemoDate)] = []
        for year in 2019...2025 {
            periods.append(("6T-\(year)", "interim", DemoDate(year, 6, 20)))
            if year == 2019 { periods.append(("2009-2019", "multi_year", DemoDate(2019, 9, 30))) }
            if year == 2024 { periods.append(("2009-2024", "multi_year", DemoDate(2024, 8, 31))) }
            if year <= 2024 { periods.append(("\(year)", "annual", DemoDate(year, 12, 15))) }
        }
        let latest = periods.max { $0.due < $1.due }?.period
        for (period, kind, due) in periods {
            let reporters = reportingUnits(on: due)
            // The latest period: all on time but three (two late, one missing), at districts.
            var late: [Int: Bool] = [:]
            if period == latest {
                let candidates = reporters.filter { units[$0].role == .district }
                for (position, pick) in random.sample(3, of: candidates.count).enumerated() {
                    late[candidates[pick]] = position < 2
                }
            }
            for unit in reporters {
                let submitted: DemoDate?
                if period == latest {
                    if let submittedLate = late[unit] {
                        submitted = submittedLate ? due.adding(days: random.int(3...9)) : nil
                    } else {
                        submitted = due.adding(days: -random.int(0...10))
                    }
                } else {
                    let draw = random.unit()
                    submitted = draw < 0.93 ? due.adding(days: -random.int(0...12))
                        : (draw < 0.99 ? due.adding(days: random.int(1...25)) : nil)
                }
                let reportID = try writer.reports.insert([id(unit), period, kind, due.iso, submitted?.iso])
                if late[unit] != nil {
                    anomalies.append(DemoAnomaly(.lateReport, table: "reports", id: reportID,
                                                 note: "\(units[unit].name), \(period)"))
                }
                step(1)
            }
        }
    }

    func writeInspections() throws {
        var random = random("inspections")
        let contents = [
            "Kiểm tra việc thực hiện phong trào thi đua “Dân vận khéo” năm {y}",
            "Kiểm tra việc xây dựng, nhân rộng mô hình “Dân vận khéo” năm {y}",
            "Kiểm tra công tác dân vận chính quyền và thực hiện Quy chế dân chủ ở cơ sở năm {y}",
        ]
        let findings: [(String, String?, Int?)] = [
            ("Thực hiện tốt; mô hình có địa chỉ cụ thể, được Nhân dân đồng tình", nil, nil),
            ("Thực hiện cơ bản tốt, còn một số hạn chế trong lưu trữ hồ sơ mô hình",
             "Bổ sung hồ sơ, minh chứng của các mô hình đã đăng ký", 60),
            ("Còn nhiều hạn chế; một số mô hình đăng ký nhưng chưa triển khai",
             "Rà soát, củng cố các mô hình yếu; báo cáo kết quả khắc phục về Ban", 90),
        ]
        for year in 2015...2025 {
            let count = random.int(6...10) * scale
            for number in 0..<count {
                let last = year == 2025 ? DemoDate.today.adding(days: -10) : DemoDate(year, 11, 30)
                let date = DemoDate.between(DemoDate(year, 3, 1), last, &random)
                let pool = date < DemoDate.communesOpen ? districts + oldCommunes : newCommunes + departmentsAfter
                let unit = pool[random.below(pool.count)]
                let board = date < DemoDate.bodiesOpen ? "Ban Dân vận Thành ủy" : "Ban Tuyên giáo và Dân vận Thành ủy"
                let finding = findings[random.weighted([5, 4, 1])]
                try writer.inspections.insert([
                    id(unit), date.iso, "Đoàn kiểm tra số \(number % 5 + 1) của \(board)",
                    random.pick(contents).replacingAll("{y}", with: String(year)), finding.0, finding.1,
                    finding.2.map { date.adding(days: $0).iso },
                ])
                step(1)
            }
        }
    }
}
